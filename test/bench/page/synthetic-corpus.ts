import type { Corpus, Occurrence, Passage } from '../../../utils/corpus-types';
import { random as seededRandom } from '../large-glossary';

/**
 * A corpus `scale` times the size of the real one, for the search benchmark: every passage comes
 * back `scale - 1` more times, each copy with its own id and locator, some neighbouring words
 * swapped and some longer words misspelled by a letter. So the index is not trivially repetitive:
 * scores differ between copies, and the vocabulary grows about tenfold at 100× (as it does in a
 * real collection that grows a hundredfold), which is what prefix and typo matching pay for.
 */
export function syntheticCorpus(corpus: Corpus, scale: number): Corpus {
  if (scale === 1) return corpus;
  const random = seededRandom(scale);
  const passages: Passage[] = [...corpus.passages];
  const occurrences: Occurrence[] = [...corpus.occurrences];
  const occurrencesByPassage = new Map<string, Occurrence[]>();
  for (const occurrence of corpus.occurrences) {
    const list = occurrencesByPassage.get(occurrence.passageId) ?? [];
    list.push(occurrence);
    occurrencesByPassage.set(occurrence.passageId, list);
  }
  for (let copy = 1; copy < scale; copy++) {
    for (const passage of corpus.passages) {
      const id = `${passage.id}~${copy}`;
      passages.push({
        ...passage,
        id,
        locator: `${passage.locator} (copy ${copy})`,
        text: varied(passage.text, random),
      });
      for (const occurrence of occurrencesByPassage.get(passage.id) ?? []) {
        occurrences.push({ ...occurrence, passageId: id });
      }
    }
  }
  return { ...corpus, hash: `${corpus.hash}-x${scale}`, passages, occurrences };
}

const SWAP_RATE = 0.08;
const MISSPELL_RATE = 0.02;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function varied(text: string, random: () => number): string {
  const words = text.split(' ');
  for (let i = 0; i + 1 < words.length; i++) {
    if (random() < SWAP_RATE) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
  }
  return words
    .map((word) => {
      if (word.length < 5 || !/^[a-z]+$/i.test(word) || random() >= MISSPELL_RATE) return word;
      const at = 1 + Math.floor(random() * (word.length - 1));
      const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
      return `${word.slice(0, at)}${letter}${word.slice(at + 1)}`;
    })
    .join(' ');
}
