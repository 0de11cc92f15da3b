import { PASSWORD_MIN_LENGTH } from '@hindsight/shared';
import { Field } from '../ui/Field';
import { authErrorText } from './auth-error-text';

/** A new password, with the server's minimum length said (and checked by the browser) before a round trip. */
export function NewPasswordField({ id, label }: { id: string; label: string }) {
  return (
    <Field
      id={id}
      label={label}
      name="password"
      type="password"
      autoComplete="new-password"
      minLength={PASSWORD_MIN_LENGTH}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      required
    />
  );
}

/** Why a sign-in, setup or invite form was refused, read out as it appears. */
export function AuthFormError({ error }: { error: unknown }) {
  if (error == null) return null;
  return (
    <p class="form-error" role="alert">
      {authErrorText(error)}
    </p>
  );
}
