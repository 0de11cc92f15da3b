import type { InputHTMLAttributes } from 'preact';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { type?: string } & {
  label: string;
  hint?: string;
  id: string;
};

/** A labelled input with an optional hint tied to it (`aria-describedby`). */
export function Field({ label, hint, id, ...input }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
