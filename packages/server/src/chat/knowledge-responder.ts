import { rankBm25, tokenize } from './bm25';
import { inPieces, type Responder } from './responder';

export interface KnowledgeItem {
  question: string;
  answer: string;
  link: string | null;
}

/** Said when nothing fits: honest, and true (the prompt is flagged in Activity). */
export const KNOWLEDGE_FALLBACK = "I don't know that yet; the team can see your question and will follow up here.";

/** How much of the question's weight the best entry must cover to count as an answer. */
const MIN_COVERAGE = 0.45;

/**
 * Answers from the application's question/answer entries: the best BM25 match over the entry's question (counted
 * twice: it is what visitors ask) and answer, when it covers enough of what was asked; the fallback otherwise.
 */
export function createKnowledgeResponder(loadEntries: (applicationId: string) => Promise<KnowledgeItem[]>): Responder {
  return {
    async reply(request) {
      const question = request.messages.at(-1)?.text ?? '';
      const best = bestAnswer(question, await loadEntries(request.applicationId));
      if (!best) return { unanswered: true, deltas: inPieces(KNOWLEDGE_FALLBACK, request.signal) };
      const text = best.link ? `${best.answer}\n\nMore: ${best.link}` : best.answer;
      return { unanswered: false, deltas: inPieces(text, request.signal) };
    },
  };
}

/** The entry that answers `question`, or undefined when none covers enough of it. */
export function bestAnswer(question: string, entries: readonly KnowledgeItem[]): KnowledgeItem | undefined {
  const text = (entry: KnowledgeItem) => `${entry.question} ${entry.question} ${entry.answer}`;
  const [top] = rankBm25(question, entries, text);
  if (!top) return undefined;
  // Coverage: the share of the question's distinct words (weighted by rarity across the entries and the
  // question) found in the entry. A single common word in a long question is not an answer.
  const terms = [...new Set(tokenize(question))];
  const entryTerms = new Set(tokenize(text(top.item)));
  // Words no entry has count half: they may be detail ("boots") as much as the topic ("kayaks"); a question
  // made only of them still gets the fallback.
  const weight = (term: string) => {
    const containing = entries.filter((e) => tokenize(text(e)).includes(term)).length;
    return Math.log(1 + (entries.length + 1) / (containing + 0.5)) * (containing === 0 ? 0.5 : 1);
  };
  const total = terms.reduce((sum, t) => sum + weight(t), 0);
  const covered = terms.filter((t) => entryTerms.has(t)).reduce((sum, t) => sum + weight(t), 0);
  return total > 0 && covered / total >= MIN_COVERAGE ? top.item : undefined;
}
