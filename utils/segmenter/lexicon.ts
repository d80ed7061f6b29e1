/**
 * Opening words of policy texts. Preambular paragraphs open with a participle or an adjective,
 * operative paragraphs with a verb in the present indicative (UN Editorial Manual); plans and
 * statements undertake things with "will", "commit to" or a bare verb ("Train …").
 */

/** Adverbs that may come before a preambular participle ("Again calling on", "Deeply concerned"). */
const PREAMBULAR_ADVERB =
  '(?:Again|Further|Also|Deeply|Gravely|Strongly|Firmly|Fully|Seriously|Particularly|Once again|Recalling further)';
/** Adjectives and past participles that open preambular paragraphs. */
const PREAMBULAR_ADJECTIVE =
  'Alarmed|Aware|Cognizant|Cognisant|Concerned|Conscious|Convinced|Desirous|Determined|Encouraged|Guided|Mindful|Disturbed|Gratified|Pleased|Satisfied|Appalled|Shocked|Dismayed|Outraged|Reassured';
const PREAMBULAR_OPENING = new RegExp(
  `^(?:${PREAMBULAR_ADVERB}\\s+)*(?:(\\p{Lu}\\p{Ll}+ing)|${PREAMBULAR_ADJECTIVE})\\b`,
  'u',
);
/** Words in -ing that open ordinary sentences, not participial phrases. */
const NOT_PARTICIPLES = new Set([
  'During',
  'Including',
  'Regarding',
  'Concerning',
  'Notwithstanding',
  'According',
  'Following',
  'Pending',
  'Nothing',
  'Something',
  'Everything',
  'Anything',
  'Morning',
  'Evening',
  'Meeting',
  'Training',
  'Funding',
  'Financing',
  'Planning',
  'Spring',
  'King',
  'Thing',
  'Bring',
]);

/** "Recalling …", "Noting with concern …", "Deeply concerned …", "Guided by …". */
export function opensPreambular(text: string): boolean {
  const match = PREAMBULAR_OPENING.exec(text);
  return match !== null && !(match[1] && NOT_PARTICIPLES.has(match[1]));
}

/** The enacting formula before a resolution's paragraphs: "The Security Council,", "We, the …:". */
export function isChapeau(text: string): boolean {
  return /^We,\s.*[,:]$/u.test(text) || BODY_CHAPEAU.test(text);
}

/** "The Security Council,", "The Conference of the Parties,": a body's name and a comma. */
const BODY_CHAPEAU = /^The(?:\s+(?:\p{Lu}[\p{L}'-]*|of|the|and|on|for)){1,8},$/u;

/** Operative verbs in the present indicative, the opening of a resolution's operative paragraph. */
const OPERATIVE_OPENING =
  /^(?:(?:Also|Further|Furthermore|Strongly|Again|Once again|Hereby|Firmly|Solemnly)\s+)?(?:Decides|Requests|Urges|Calls upon|Encourages|Invites|Authori[sz]es|Demands|Recommends|Directs|Instructs|Establishes|Adopts|Approves|Endorses|Designates|Declares|Extends|Appeals|Resolves|Commits|Undertakes|Pledges|Agrees|Affirms|Reaffirms|Condemns|Welcomes|Notes|Takes note|Expresses|Emphasi[sz]es|Stresses|Underlines|Acknowledges|Recogni[sz]es|Supports|Reiterates|Commends|Deplores|Proclaims|Confirms)\b/;
/** The operative verbs that bind or ask: an undertaking even outside a resolution. */
const BINDING_OPENING =
  /^(?:(?:Also|Further|Furthermore|Strongly|Again|Once again|Hereby|Firmly|Solemnly)\s+)?(?:Decides|Requests|Urges|Calls upon|Encourages|Invites|Authori[sz]es|Demands|Recommends|Directs|Instructs|Establishes|Adopts|Approves|Endorses|Designates|Declares|Extends|Resolves|Commits|Undertakes|Pledges|Agrees)\b/;

export function opensOperative(text: string): boolean {
  return OPERATIVE_OPENING.test(text);
}

export function opensBinding(text: string): boolean {
  return BINDING_OPENING.test(text);
}

/** Asking others or stating a view, even as a bare verb in an action list. */
const POSITION_OPENING =
  /^(?:Call(?:s)?\s+(?:on|for)|Call\s+upon|Share(?:s)?\s+the\s+view|Note|Welcome)\b/;

export function opensPosition(text: string): boolean {
  return POSITION_OPENING.test(text);
}

/** Bare verbs that open the items of plans and action lists ("Train …", "Publish a guide …"). */
const ACTION_VERBS = new Set(
  (
    'Act Adopt Advance Agree Address Align Allocate Analyse Analyze Apply Assess Assist Bolster ' +
    'Build Collaborate Combat Commission Complete Conduct Confirm Consider Consolidate Continue ' +
    'Contribute Convene Cooperate Coordinate Counter Create Deliver Deploy Design Develop Disrupt ' +
    'Elect Eliminate Emphasise Emphasize Empower Enable Encourage Endorse Engage Enhance Ensure ' +
    'Establish Evaluate Expand Explore Extend Facilitate Finalise Finalize Focus Forge Foster Fund ' +
    'Harmonise Harmonize Help Hold Identify Implement Improve Increase Integrate Intensify ' +
    'Introduce Invest Invite Launch Lead Maintain Make Map Maximise Maximize Mobilise Mobilize ' +
    'Monitor Organise Organize Participate Prepare Present Prevent Prioritise Prioritize Promote ' +
    'Protect Provide Publish Pursue Raise Ratify Reduce Reinforce Report Review Revise Scale ' +
    'Secure Seek Set Share Step Streamline Strengthen Submit Support Sustain Take Target Train ' +
    'Underline Undertake Update Upgrade Use Work'
  ).split(' '),
);
/** After a verb-like first word, these show it was a noun ("Support is needed", "Use of force"). */
const NOUN_FOLLOWERS = /^(?:is|are|was|were|has|have|had|of|for|will|would|'s|’s)\b/i;

/** Opens with a bare verb: a task, as plans and action lists state what is to be done. */
export function opensImperative(text: string): boolean {
  const match = /^(\p{Lu}\p{Ll}+)\s+(\S+)/u.exec(text);
  return match !== null && ACTION_VERBS.has(match[1]!) && !NOUN_FOLLOWERS.test(match[2]!);
}

const WE_ADVERBS =
  '(?:also|further|again|therefore|hereby|jointly|strongly|firmly|fully|collectively|all|both|each|once again)';
const WE_OPENING = new RegExp(`^(?:[^,]{0,60},\\s+)?we\\s+(?:${WE_ADVERBS}\\s+)*(.*)$`, 'i');
const WE_UNDERTAKE =
  /^(?:commit|will|shall|pledge|undertake|resolve|agree|decide|intend|aim|endeavou?r|strive|plan|seek|are\s+(?:determined|committed|resolved))\b/i;

/** "We commit to …", "In 2030, we will …": the opening says the authors undertake something. */
export function opensWeUndertake(text: string): boolean {
  const match = WE_OPENING.exec(text);
  return match !== null && WE_UNDERTAKE.test(match[1]!);
}

/** "We note …", "We welcome …": any other opening verb of the authors states a view. */
export function opensWeState(text: string): boolean {
  const match = WE_OPENING.exec(text);
  return match !== null && !WE_UNDERTAKE.test(match[1]!);
}

/** "will" and "shall" as verbs (not "political will"), "commit to", "are committed to". */
const UNDERTAKING =
  /(?<!\b(?:the|political|good|free|own|collective|strong|their|our|his|her|its)\s)\b(?:will|shall)\b(?!\s+of\b)|\bcommit(?:s|ted)?\s+(?:ourselves\s+|themselves\s+|itself\s+)?to\b|\b(?:is|are|remain|remains)\s+committed\s+to\b|\bundertakes?\s+to\b|\bpledges?\s+to\b/i;

export function statesUndertaking(text: string): boolean {
  return UNDERTAKING.test(text);
}

/** A view stated or a call on others anywhere in the text. */
const STATED_VIEW =
  /\bwe\s+(?:(?:also|further|firmly|strongly|fully|again)\s+)*(?:believe|note|welcome|recogni[sz]e|stress|emphasi[sz]e|reaffirm|call\s+(?:on|upon|for)|share\s+the\s+view|are\s+(?:deeply\s+)?(?:concerned|convinced))\b|\bshare\s+the\s+view\b|\bin\s+(?:our|my)\s+view\b|\bI\s+(?:believe|think|am\s+convinced)\b|\bcall(?:s|ed)?\s+(?:on|upon)\b/i;

export function statesView(text: string): boolean {
  return STATED_VIEW.test(text);
}

/** A quotation attributed to someone: '"We will act," said the chair.' */
const REPORTED_SPEECH =
  /["“][^"“”]{2,500}["”],?\s+(?:said|says|stated|states|added|adds|told|noted|notes|according to)\b|\b(?:said|says|stated|added|told)\s+\p{Lu}?[\p{L} .]{0,40}[,:]\s*["“]/u;

export function reportsSpeech(text: string): boolean {
  return REPORTED_SPEECH.test(text);
}

/** Salutations and thanks that frame a speech. */
const SALUTATION =
  /^(?:Dear|Ladies|Excellenc|Your Excellenc|Distinguished|Honou?rable|Mr\.?|Mrs\.?|Ms\.?|Madam|Friends|Colleagues|Good (?:afternoon|day|morning|evening)|Thank|Thanks|I thank|Greetings|Welcome)\b/i;

export function isSalutation(text: string): boolean {
  return SALUTATION.test(text) && text.length < 80;
}
