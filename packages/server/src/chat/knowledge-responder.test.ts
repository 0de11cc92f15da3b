import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE } from './default-knowledge';
import { bestAnswer } from './knowledge-responder';

const entries = [
  ...DEFAULT_KNOWLEDGE,
  { question: 'Which payment methods do you accept?', answer: 'Cards, PayPal and bank transfer.', link: null },
  {
    question: 'Where is the shop? Opening hours',
    answer: 'Harbour Street 4, open 9 to 6, Monday to Saturday.',
    link: null,
  },
];

describe('bestAnswer', () => {
  it.each([
    ['How long will delivery take to arrive?', 'two to four working days'],
    ['can i return boots i already used', 'within 60 days'],
    ['My zip broke, do you repair it?', 'Wear and tear'],
    ['Can I hire a tent for a week?', 'hired by the week'],
    ['Do you take PayPal?', 'PayPal'],
    ['What are your opening hours?', 'open 9 to 6'],
  ])('answers "%s" with the right entry first', (question, expected) => {
    expect(bestAnswer(question, entries)?.answer).toContain(expected);
  });

  it.each([
    'Do you sell kayaks?',
    'How long is a piece of string?',
    'Can I bring my dog to the workshop?',
    'What is the airspeed velocity of an unladen swallow?',
    'hello',
    '',
    '!!!',
  ])('falls back when nothing fits: "%s"', (question) => {
    expect(bestAnswer(question, entries)).toBeUndefined();
  });

  it('finds nothing in an empty knowledge base', () => {
    expect(bestAnswer('How long does delivery take?', [])).toBeUndefined();
  });
});
