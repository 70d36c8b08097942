import { BadUserInputError } from '@ps/errors';

export class RestructureInputError extends BadUserInputError {}
