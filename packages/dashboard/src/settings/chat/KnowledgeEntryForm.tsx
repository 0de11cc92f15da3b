import type { KnowledgeEntry } from '@hindsight/shared';
import { useEffect, useRef } from 'preact/hooks';
import { useSubmit } from '../../auth/use-submit';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';

/** What a knowledge entry is made of, as the API takes it. */
export interface KnowledgeInput {
  question: string;
  answer: string;
  link: string | null;
}

interface KnowledgeEntryFormProps {
  /** Distinguishes the inputs' ids: `new` or the entry's id. */
  idPrefix: string;
  label: string;
  entry?: Pick<KnowledgeEntry, 'question' | 'answer' | 'link'>;
  submitLabel: string;
  /** Puts the cursor in the answer (the question came prefilled from Activity). */
  focusAnswer?: boolean;
  onSubmit(input: KnowledgeInput): Promise<void>;
  /** After a successful submit the form empties itself unless it is an edit (which closes). */
  resetAfter?: boolean;
  onCancel?(): void;
}

/** A question, its answer and an optional link; the server's message on failure. */
export function KnowledgeEntryForm(props: KnowledgeEntryFormProps) {
  const submit = useSubmit();
  const answerRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!props.focusAnswer) return;
    answerRef.current?.scrollIntoView({ block: 'center' });
    answerRef.current?.focus({ preventScroll: true });
  }, [props.focusAnswer]);
  const id = (name: string) => `knowledge-${props.idPrefix}-${name}`;

  return (
    <form
      class="form knowledge-form"
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        const formElement = event.currentTarget;
        const data = new FormData(formElement);
        const link = String(data.get('link') ?? '').trim();
        void submit.run(async () => {
          await props.onSubmit({
            question: String(data.get('question') ?? '').trim(),
            answer: String(data.get('answer') ?? '').trim(),
            link: link === '' ? null : link,
          });
          if (props.resetAfter) {
            // The prefilled question (from Activity) is a default value: clear the inputs themselves.
            for (const input of formElement.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
              input.value = '';
          }
        });
      }}
    >
      <Field
        id={id('question')}
        label="Question"
        name="question"
        required
        maxLength={1_000}
        defaultValue={props.entry?.question ?? ''}
        placeholder="How long does delivery take?"
      />
      <div class="field">
        <label for={id('answer')}>Answer</label>
        <textarea
          ref={answerRef}
          id={id('answer')}
          name="answer"
          rows={4}
          required
          maxLength={20_000}
          defaultValue={props.entry?.answer ?? ''}
        />
      </div>
      <Field
        id={id('link')}
        label="Link (optional)"
        name="link"
        type="url"
        defaultValue={props.entry?.link ?? ''}
        placeholder="https://shop.example/help/delivery"
        hint="Shown with the answer."
      />
      <FormError error={submit.error} />
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
