/**
 * Who makes a change, as the audit trail records it. The authenticated principal of a
 * request satisfies this; operator commands (loaders, seeds) use a {@link systemActor}.
 */
export interface Actor {
  userId: string;
  username: string;
  /** The platform role the change was made under, e.g. `district-admin`. */
  role: string;
  /** The unit the actor serves (`VN` for the centre). */
  unitCode: string;
}

/** An operator command acting on its own (seed, territory load): `system:<name>`. */
export function systemActor(name: string): Actor {
  const id = `system:${name}`;
  return { userId: id, username: id, role: 'system', unitCode: 'VN' };
}
