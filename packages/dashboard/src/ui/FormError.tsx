import { errorMessage } from '../api/api-error';

/** Why a form or an action was refused, read out as it appears; nothing while there is no error. */
export function FormError({ error, text = errorMessage }: { error: unknown; text?: (error: unknown) => string }) {
  if (error == null) return null;
  return (
    <p class="form-error" role="alert">
      {text(error)}
    </p>
  );
}
