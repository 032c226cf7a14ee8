/** Masks passwords, API keys and cookies before anything is logged, recorded or reported. */
export { SecretRedactor, REDACTED } from './secret-redactor.ts';
