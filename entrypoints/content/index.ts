import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherJson from '../../data/generated/matcher.json';
import { TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { PageHighlighter } from './page-highlighter';
import './highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    if (!document.body) return;
    const highlighter = new PageHighlighter(
      document.body,
      new TermMatcher(matcherJson as CompiledMatcher),
    );
    highlighter.highlight();
    ctx.onInvalidated(() => highlighter.unhighlight());
  },
});
