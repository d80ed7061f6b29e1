import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ClipList, clipName, type ClipNotice } from '../../components/clip-list';
import { clipsFileName, clipsMarkdown } from '../../utils/clip-markdown';
import { routeToHash } from '../../utils/extension-pages';
import { callBackground, type Result, type SendMessage } from '../../utils/messaging';
import type { ClipView } from '../../utils/views';
import { useCitationCopy } from './use-citation-copy';

const send: SendMessage = (envelope) => browser.runtime.sendMessage(envelope);

/** Today in the reader's time zone, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Offers text as a file download, from memory: no request leaves the browser. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give the browser a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The Clips view: the reader's clip list from the background, reordered, removed (with undo) and
 * exported as Markdown, copied to the clipboard or downloaded as a file.
 */
export function ClipsPage() {
  const [clips, setClips] = useState<ClipView[] | null>(null);
  const [removed, setRemoved] = useState<ClipView | null>(null);
  const [notice, setNotice] = useState<ClipNotice | null>(null);
  const [copied, copyCitation] = useCitationCopy();
  const exportedOn = today();
  const markdown = useMemo(() => clipsMarkdown(clips ?? [], exportedOn), [clips, exportedOn]);

  useEffect(() => {
    void callBackground(send, 'listClips', {}).then((result) => {
      if (result.ok) setClips(result.value);
      else setNotice({ kind: 'error', text: result.error.message });
    });
  }, []);

  /** Shows the list the background answers with, or says what went wrong (nothing changed). */
  const apply = (result: Result<ClipView[]>, done?: () => void) => {
    if (!result.ok) {
      setNotice({ kind: 'error', text: result.error.message });
      return;
    }
    setClips(result.value);
    setNotice(null);
    done?.();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setNotice({ kind: 'done', text: `Copied ${clipsLabel(clips)} as Markdown.` });
    } catch {
      setNotice({
        kind: 'error',
        text: 'The browser refused to copy. Download the file instead, or copy from the preview.',
      });
    }
  };

  if (clips === null) {
    return notice ? (
      <p class="search-status search-error" role="alert">
        {notice.text}
      </p>
    ) : (
      <p class="search-status" role="status">
        Loading…
      </p>
    );
  }
  return (
    <ClipList
      clips={clips}
      removed={removed}
      notice={notice}
      markdown={markdown}
      copied={copied}
      onCopyCitation={copyCitation}
      onMove={async (clip, toIndex) => {
        setRemoved(null);
        apply(await callBackground(send, 'moveClip', { clipId: clip.id, toIndex }));
      }}
      onRemove={async (clip) =>
        apply(await callBackground(send, 'removeClip', { clipId: clip.id }), () => setRemoved(clip))
      }
      onUndoRemove={async () => {
        if (!removed) return;
        apply(await callBackground(send, 'restoreClip', { clipId: removed.id }), () => {
          setRemoved(null);
          setNotice({ kind: 'done', text: `Restored “${clipName(removed)}”.` });
        });
      }}
      onCopyMarkdown={() => void copy()}
      onDownloadMarkdown={() => {
        const fileName = clipsFileName(exportedOn);
        download(markdown, fileName);
        setNotice({ kind: 'done', text: `Downloaded ${fileName}.` });
      }}
      onOpenInDocument={(clip) => {
        if (!clip.citation) return;
        location.hash = routeToHash({
          view: 'document',
          documentId: clip.citation.document.id,
          passageId: clip.passageId,
        });
      }}
    />
  );
}

function clipsLabel(clips: readonly ClipView[] | null): string {
  const count = clips?.length ?? 0;
  return `${count} ${count === 1 ? 'clip' : 'clips'}`;
}
