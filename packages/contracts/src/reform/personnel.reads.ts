import { consumerView, fieldsRead } from '@ps/events';
import { PersonRegistered } from '../personnel/person.events';

/**
 * What reform reads of personnel's people, to check that a task's owner is a person of the
 * platform: the id, the name and the unit registered in. Nothing personal beyond the name.
 */
export const reformPersonnelReads = {
  personRegistered: consumerView(PersonRegistered, fieldsRead(PersonRegistered.payload, { personId: true, fullName: true, unitCode: true })),
};
