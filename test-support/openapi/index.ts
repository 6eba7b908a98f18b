/** Entry point of the OpenAPI checks: validate exchanges against GitHub's description and map paths to templates. */

export { validateExchange, templateFor, type Exchange, type ValidateOptions } from './validator.js';
export { loadDescription } from './spec.js';
