import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SearchPanel, type SearchState } from '../../components/search-panel';
import { callBackground, type Envelope } from '../../utils/messaging';

const SEARCH_DELAY_MS = 120;
const send = (envelope: Envelope) => browser.runtime.sendMessage(envelope);

/** The popup: owns the query and asks the background; the components only render. */
export function PopupApp() {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });

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

  return (
    <main class="popup">
      <h1 class="popup-title">Pledgemark</h1>
      <SearchPanel query={query} state={state} onQueryChange={setQuery} />
    </main>
  );
}
