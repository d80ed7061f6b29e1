import { compileMatcher, TermMatcher } from '../../utils/term-matcher';

/** A small glossary for DOM tests, with the traps the real one has. */
export const TEST_MATCHER = new TermMatcher(
  compileMatcher([
    {
      id: 'fatf',
      category: 'organisation',
      aliases: [{ text: 'FATF' }, { text: 'Financial Action Task Force' }],
    },
    {
      id: 'pnr',
      category: 'concept',
      aliases: [
        { text: 'Passenger Name Record' },
        {
          text: 'PNR',
          sense: { class: 'cue', cues: ['passenger', 'API'], pageEvidence: true },
        },
      ],
    },
    {
      id: 'api',
      category: 'concept',
      aliases: [
        { text: 'Advance Passenger Information' },
        {
          text: 'API',
          sense: {
            class: 'cue-no-veto',
            cues: ['PNR', 'passenger'],
            vetoes: ['key', 'REST', 'endpoint'],
            pageEvidence: true,
          },
        },
      ],
    },
    {
      id: 'etim',
      category: 'group',
      aliases: [{ text: 'ETIM' }, { text: 'Eastern Turkistan Islamic Movement' }],
    },
    {
      id: 'unscr-2354',
      category: 'instrument',
      aliases: [{ text: 'UN Security Council resolution 2354' }, { text: 'resolution 2354' }],
    },
    {
      id: 'unscr-1373',
      category: 'instrument',
      aliases: [
        { text: 'resolution 1373' },
        { text: '1373', sense: { class: 'cue', cues: ['resolution'] } },
      ],
    },
    {
      id: 'unscr-2178',
      category: 'instrument',
      aliases: [
        { text: 'resolution 2178' },
        { text: '2178', sense: { class: 'cue', cues: ['resolution'] } },
      ],
    },
    { id: 'isil', category: 'group', aliases: [{ text: "Da'esh" }, { text: 'ISIL' }] },
  ]),
);
