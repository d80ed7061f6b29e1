import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  PageTermsPanel,
  type PageJump,
  type PageTermsState,
} from '../../components/page-terms-panel';
import { callBackground, callTab, type Envelope, type SendMessage } from '../../utils/messaging';
import { isSiteEnabled, normalizeHost, type Settings } from '../../utils/settings';

/** How long highlighting takes to follow a settings change before the tab is asked again. */
const SETTLE_MS = 700;
/** How often the tab is asked again while the popup is open: its page may still be changing. */
const REFRESH_MS = 2_000;

const send: SendMessage = (envelope) => browser.runtime.sendMessage(envelope);

/** Sends to the content script of a tab's top frame: the page the reader is on. */
const toTab =
  (tabId: number): SendMessage =>
  (envelope: Envelope) =>
    browser.tabs.sendMessage(tabId, envelope, { frameId: 0 });

/** The host of a web page Pledgemark runs on; null for browser and extension pages. */
function webPageHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return /^(https?|file):$/.test(parsed.protocol) ? normalizeHost(parsed.hostname) : null;
  } catch {
    return null;
  }
}

/** Term labels by id, asked of the background once per term. */
const labels = new Map<string, string>();

async function readPageTerms(tabId: number, url: string | undefined, settings: Settings) {
  const host = url === undefined ? undefined : webPageHost(url);
  if (host === null) return { status: 'unreachable', reason: 'restricted-page' } as const;
  const answer = await callTab(toTab(tabId), 'getPageTerms', {});
  if (!answer.ok) return { status: 'unreachable', reason: 'not-running' } as const;
  const { active, termCounts } = answer.value;
  if (!active) {
    const reason = settings.paused
      ? 'paused'
      : host !== undefined && !isSiteEnabled(settings, host)
        ? 'site-off'
        : 'tab-off';
    return { status: 'inactive', reason } as const;
  }
  const termIds = Object.keys(termCounts);
  const unlabelled = termIds.filter((termId) => !labels.has(termId));
  if (unlabelled.length > 0) {
    // Without labels (the corpus unavailable) the terms still show, by id.
    const described = await callBackground(send, 'describeTerms', { termIds: unlabelled });
    if (described.ok) for (const term of described.value) labels.set(term.id, term.label);
  }
  const terms = termIds
    .map((termId) => ({ termId, label: labels.get(termId) ?? termId, count: termCounts[termId]! }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { status: 'ready', terms } as const;
}

/**
 * "On this page" in the popup: asks the active tab's content script which terms it highlights,
 * again when the settings change and every few seconds (a page may still be highlighting or
 * loading more), and sends it to the next highlight. Shows nothing when the
 * popup is itself open as a tab: then there is no other page to speak of.
 */
export function PageTerms({
  settings,
  onOpenTerm,
}: {
  settings: Settings;
  onOpenTerm: (termId: string) => void;
}) {
  const [state, setState] = useState<PageTermsState>({ status: 'loading' });
  const [jump, setJump] = useState<PageJump | null>(null);
  const [tab, setTab] = useState<{ id: number; url: string | undefined } | null | 'none'>(null);
  const asked = useRef(false);

  useEffect(() => {
    void (async () => {
      if (await browser.tabs.getCurrent()) return setTab('none');
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      setTab(active?.id === undefined ? 'none' : { id: active.id, url: active.url });
    })().catch(() => setTab('none'));
  }, []);

  useEffect(() => {
    if (tab === null || tab === 'none') return;
    let current = true;
    let timer: ReturnType<typeof setTimeout>;
    const read = () =>
      void readPageTerms(tab.id, tab.url, settings).then((next) => {
        if (!current) return;
        setState(next);
        timer = setTimeout(read, REFRESH_MS);
      });
    timer = setTimeout(read, asked.current ? SETTLE_MS : 0);
    asked.current = true;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [tab, settings]);

  if (tab === 'none') return null;
  const goTo = async (termId: string | null, direction: 'next' | 'previous') => {
    if (tab === null) return;
    const answer = await callTab(toTab(tab.id), 'focusHighlight', {
      direction,
      ...(termId === null ? {} : { termId }),
    });
    if (!answer.ok) setState({ status: 'unreachable', reason: 'not-running' });
    else setJump({ termId, index: answer.value.index ?? 0, total: answer.value.total ?? 0 });
  };
  return (
    <PageTermsPanel
      state={state}
      jump={jump}
      onOpenTerm={onOpenTerm}
      onJump={(termId, direction) => void goTo(termId, direction)}
    />
  );
}
