import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HighlightControls } from '../../components/highlight-controls';
import { SearchPanel, type SearchState } from '../../components/search-panel';
import { callBackground, type Envelope } from '../../utils/messaging';
import {
  isSiteEnabled,
  loadSettings,
  normalizeHost,
  settingsItem,
  watchSettings,
  withSiteEnabled,
  type Settings,
} from '../../utils/settings';

const SEARCH_DELAY_MS = 120;
const send = (envelope: Envelope) => browser.runtime.sendMessage(envelope);

/** The host of the active tab, when it is a web page Pledgemark runs on. */
async function activeHostname(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  try {
    const url = new URL(tab.url);
    return /^(https?|file):$/.test(url.protocol) ? normalizeHost(url.hostname) || null : null;
  } catch {
    return null;
  }
}

/** The popup: owns the query and the settings and asks the background; components only render. */
export function PopupApp() {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [hostname, setHostname] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void activeHostname().then(setHostname, () => setHostname(null));
    return watchSettings(setSettings);
  }, []);

  useEffect(() => {
    if (query.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => (previous.status === 'done' ? previous : { status: 'loading' }));
    const timer = setTimeout(async () => {
      const result = await callBackground(send, 'search', { query });
      if (!current) return;
      setState(
        result.ok
          ? { status: 'done', response: result.value }
          : { status: 'error', message: result.error.message },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const save = (next: Settings) => {
    setSettings(next);
    void settingsItem.setValue(next);
  };

  return (
    <main class="popup">
      <h1 class="popup-title">Pledgemark</h1>
      <SearchPanel query={query} state={state} onQueryChange={setQuery} />
      {settings && (
        <HighlightControls
          settings={settings}
          hostname={hostname}
          siteEnabled={hostname !== null && isSiteEnabled({ ...settings, paused: false }, hostname)}
          onSiteChange={(enabled) => hostname && save(withSiteEnabled(settings, hostname, enabled))}
          onChange={save}
        />
      )}
    </main>
  );
}
