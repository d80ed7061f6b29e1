import type { SearchNotice } from '../../../utils/views';
import { searchableWords } from './search-index';

/**
 * The query stage of a search: what of the typed query is searched, its words as the index has
 * them, and what the reader is told about it.
 */

/** Longer queries are cut to this many words: enough for any real question, cheap to run. */
export const MAX_QUERY_WORDS = 24;

export interface ReadQuery {
  /** The query searched ('' for none): trimmed, cut to `MAX_QUERY_WORDS` words. */
  searched: string;
  /** Its words the index can match (no punctuation, no stop words). */
  words: string[];
}

export function readQuery(query: string, notices: SearchNotice[]): ReadQuery {
  const trimmed = query.trim();
  const typed = trimmed.split(/\s+/).filter(Boolean);
  if (trimmed.length === 1) notices.push({ kind: 'too-short' });
  if (typed.length > MAX_QUERY_WORDS)
    notices.push({ kind: 'words-cut', searched: MAX_QUERY_WORDS });
  const searched = trimmed.length > 1 ? typed.slice(0, MAX_QUERY_WORDS).join(' ') : '';
  const words = searchableWords(searched);
  if (searched !== '' && words.length === 0)
    notices.push({ kind: 'nothing-specific', query: searched });
  return { searched, words };
}
