import { loadClipMarks, saveClip } from '../../utils/clip-marks';
import { callBackground, type SendMessage } from '../../utils/messaging';
import {
  EVERYWHERE,
  withSenseCorrected,
  withTermHidden,
  withTermShown,
  type Settings,
} from '../../utils/settings';
import { loadSettings, settingsItem } from '../../utils/settings-storage';
import { corpusSense, type TermMatcher } from '../../utils/term-matcher';
import { copyAroundThePage } from './card-clipboard';
import type { CardPort } from './card-controller';

export interface CardPortDeps {
  send: SendMessage;
  /** The matcher highlighting the page now (it changes with the reader's terms). */
  matcher: () => TermMatcher;
  /** The page's host name, where "Hide this term on this site" hides a term. */
  hostname: string;
  /** How often a term is highlighted on the page now. */
  pageCount: (termId: string) => number;
  /** The settings as last read (the card's trigger reads them at each hover). */
  settings: () => Settings;
}

/**
 * The card's one data port, served by the extension: the background's lookups, clips, copying
 * and views over the message contract, and the site's hidden terms in the settings (read afresh
 * for each change, so that a quick Undo sees its own hide).
 */
export function extensionCardPort({
  send,
  matcher,
  hostname,
  pageCount,
  settings,
}: CardPortDeps): CardPort {
  const updateSettings = async (change: (current: Settings) => Settings) =>
    settingsItem().setValue(change(await loadSettings()));
  return {
    lookupTerm: (termId) => callBackground(send, 'lookupTerm', { termId }),
    clipMarks: () => loadClipMarks(send),
    saveClip: (passageId) => saveClip(send, passageId),
    copy: (text) =>
      copyAroundThePage(text, {
        clipboard: navigator.clipboard,
        background: (copied) => callBackground(send, 'copyText', { text: copied }),
      }),
    mentionsIn: (termId, text) =>
      matcher()
        .findMentions(text, corpusSense(new Set([termId])))
        .filter((mention) => mention.termId === termId),
    pageCount,
    openTermView: (termId) => void callBackground(send, 'openTermView', { termId }),
    openInDocument: (passage) =>
      void callBackground(send, 'openDocument', {
        documentId: passage.document.id,
        passageId: passage.id,
      }),
    hostname,
    aliasText: (aliasIndex) => matcher().aliases[aliasIndex]?.text,
    correctSense: (termId, alias, where) =>
      void updateSettings((current) =>
        withSenseCorrected(current, {
          termId,
          alias,
          host: where === 'everywhere' ? EVERYWHERE : hostname,
        }),
      ),
    hideTerm: (termId) =>
      void updateSettings((current) => withTermHidden(current, hostname, termId)),
    showTerm: (termId) =>
      void updateSettings((current) => withTermShown(current, hostname, termId)),
    triggerSettings: settings,
  };
}
