import { PASSWORD_MIN_LENGTH } from '@hindsight/shared';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
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

/** Why a sign-in, setup or invite form was refused (with what to do about a rate limit). */
export function AuthFormError({ error }: { error: unknown }) {
  return <FormError error={error} text={authErrorText} />;
}
