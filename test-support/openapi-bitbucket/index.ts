/** Entry point of the Bitbucket schema checks: validate exchanges and map concrete paths to swagger path templates. */

export {
  OPERATIONS,
  templateFor,
  validateExchange,
  type Exchange,
  type ValidateOptions,
} from './validator.js';
