/** Stable codes of what can go wrong building, pushing or replaying the images. */
export const ImagesErrorCode = {
  NoBuilder: 'IMAGES.NO_BUILDER',
  CommandFailed: 'IMAGES.COMMAND_FAILED',
  UnknownDeployable: 'IMAGES.UNKNOWN_DEPLOYABLE',
  UnreadableDockerfile: 'IMAGES.UNREADABLE_DOCKERFILE',
  UnmappedPath: 'IMAGES.UNMAPPED_PATH',
  ToolchainMismatch: 'IMAGES.TOOLCHAIN_MISMATCH',
} as const;
export type ImagesErrorCode = (typeof ImagesErrorCode)[keyof typeof ImagesErrorCode];

/** An expected failure of the image tooling: a stable code, Vietnamese first with English beside. */
export class ImagesError extends Error {
  constructor(
    readonly code: ImagesErrorCode,
    vietnamese: string,
    english: string,
  ) {
    super(`${vietnamese} / ${english}`);
    this.name = 'ImagesError';
  }
}
