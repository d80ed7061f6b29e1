import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadClipMarks, saveClip, type ClipMarks } from '../../utils/clip-marks';
import type { SendMessage } from '../../utils/messaging';

const send: SendMessage = (envelope) => browser.runtime.sendMessage(envelope);

/** Which passages are in the reader's clips, and a function that saves one. */
export function useClipMarks(): [ClipMarks, (passageId: string) => void] {
  const [marks, setMarks] = useState<ClipMarks>({});
  useEffect(() => {
    let current = true;
    void loadClipMarks(send).then((loaded) => {
      if (current) setMarks((marks) => ({ ...loaded, ...marks }));
    });
    return () => {
      current = false;
    };
  }, []);
  const save = (passageId: string) => {
    setMarks((marks) => ({ ...marks, [passageId]: { status: 'saving' } }));
    void saveClip(send, passageId).then((mark) =>
      setMarks((marks) => ({ ...marks, [passageId]: mark })),
    );
  };
  return [marks, save];
}
