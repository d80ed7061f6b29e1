import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../../utils/corpus-types';
import { classifyPassage, type PassageRole } from '../../utils/segmenter';

describe('record kinds', () => {
  it.each<[PassageRole, string, RecordKind]>([
    // Structure decides first.
    ['heading', 'Border Security', 'context'],
    ['cover-line', 'Submitted by: Working Group Chair', 'context'],
    ['contents-entry', '3. Remarks by the Chair.....\t12', 'context'],
    ['chapeau', 'The Security Council,', 'context'],
    ['preambular', 'Welcoming the report of the Secretary-General,', 'position'],
    ['operative', 'Calls upon all States to cooperate fully;', 'commitment'],
    ['operative', 'Notes with appreciation the work of the Committee;', 'commitment'],
    // A speech states its speaker's positions, even an undertaking; its frame is context.
    ['speech', 'We will continue to support the Centre.', 'position'],
    ['speech', 'Ladies and Gentlemen,', 'context'],
    ['speech', 'Thank you.', 'context'],
    ['speech', 'Terrorism and the Pandemic in Our Region', 'context'],
    ['speech-item', 'b. Support rehabilitation and reintegration programmes', 'position'],
    // Wording: the opening words, then cues anywhere.
    ['paragraph', 'We commit to sharing information on foreign terrorist fighters.', 'commitment'],
    ['paragraph', 'In 2031, we will open a joint training centre.', 'commitment'],
    ['paragraph', 'We note with concern the rise of online recruitment.', 'position'],
    ['paragraph', 'We call on all partners to ratify the Convention.', 'position'],
    [
      'paragraph',
      'Recognizing the role of civil society, the plan involves local groups.',
      'position',
    ],
    ['paragraph', 'Therefore, the members commit to taking the following actions.', 'commitment'],
    ['paragraph', 'The Ministry shall report to Parliament every year.', 'commitment'],
    ['paragraph', 'Strengthen security and resilience in the region.', 'commitment'],
    ['paragraph', 'Decides to remain seized of the matter.', 'commitment'],
    ['paragraph', 'The threat has evolved since 2016 and now reaches every region.', 'position'],
    ['paragraph', 'The plan reflects the political will of the members.', 'position'],
    ['list-item', 'Call upon all states to implement Annex 17.', 'position'],
    ['list-item', 'Share the view that the Task Force is the standard setter.', 'position'],
    ['list-item', 'Emphasize the need for all States to implement the resolutions.', 'commitment'],
    ['list-item', 'Strengthening regional cooperation on border management.', 'commitment'],
    ['list-item', 'Member economies implement the strategy.', 'commitment'],
    ['table-row', 'Hold a workshop on aviation security\nSecretariat\n2031', 'commitment'],
    ['paragraph', 'Date: 4 May 2031', 'context'],
    // Someone quoted is reported: a position, whatever the quotation undertakes.
    ['paragraph', '"We will act quickly," said the chair.', 'position'],
    ['paragraph', 'The minister told reporters: "We shall not wait."', 'position'],
  ])('%s "%s" → %s', (role, text, kind) => {
    expect(classifyPassage(role, text)).toBe(kind);
  });
});
