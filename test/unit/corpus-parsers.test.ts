import { describe, expect, it } from 'vitest';
import { cleanSourceText } from '../../data/build/clean-text';
import { SOURCE_FILES } from '../../data/build/corpus-builder';
import { parseApecStrategicPlan } from '../../data/build/parse-apec-strategic-plan';
import { parseApecWorkplan } from '../../data/build/parse-apec-workplan';
import { parseAppfResolution } from '../../data/build/parse-appf-resolution';
import { parseG7ActionPlan } from '../../data/build/parse-g7-action-plan';
import {
  parseSeminarProceedings,
  parseSpeakerLine,
} from '../../data/build/parse-seminar-proceedings';
import { sliceBytes } from '../../data/build/source-text';
import type { Passage } from '../../utils/corpus-types';
import { source } from './corpus-sources';

const appf = parseAppfResolution(source('000_d27e4ba2ba28cc09.txt'));
const seminar = parseSeminarProceedings(source('001_dfe2a69c2e3356cc.txt'));
const workplan = parseApecWorkplan(source('002_9215c299f05b7fd6.txt'));
const strategicPlan = parseApecStrategicPlan(source('003_2d0a72c2d4d48b91.txt'));
const g7 = parseG7ActionPlan(source('004_6c91a4d63401d3d7.txt'));

const byId = (passages: Passage[], id: string) => {
  const passage = passages.find((candidate) => candidate.id === id);
  if (!passage) throw new Error(`no passage ${id}`);
  return passage;
};

describe('every source', () => {
  it.each(SOURCE_FILES)(
    '$file: each passage’s byte range slices back to its text',
    ({ file, parse }) => {
      const raw = source(file);
      const { passages } = parse(raw);
      expect(passages.length).toBeGreaterThan(10);
      for (const passage of passages) {
        expect(cleanSourceText(sliceBytes(raw, passage.byteRange), passage.format)).toBe(
          passage.text,
        );
        expect(passage.text).not.toMatch(/\*\*|<\/?[a-z]+[^>]*>|\s{2,}|^\s|\s$/);
      }
    },
  );

  it.each(SOURCE_FILES)('$file: ids are unique, orders are consecutive', ({ file, parse }) => {
    const { passages } = parse(source(file));
    expect(new Set(passages.map((passage) => passage.id)).size).toBe(passages.length);
    expect(passages.map((passage) => passage.order)).toEqual(passages.map((_, i) => i));
  });

  it('drops the file-size footer left by the extraction', () => {
    expect(appf.passages.some((passage) => /KB 1 file/.test(passage.text))).toBe(false);
  });
});

describe('APPF resolution 2021', () => {
  it('has 14 preambular paragraphs (positions) and 7 operative paragraphs (commitments)', () => {
    const preambular = appf.passages.filter((passage) => passage.locator.startsWith('Preambular'));
    const operative = appf.passages.filter((passage) => passage.locator.startsWith('Operative'));
    expect(preambular).toHaveLength(14);
    expect(preambular.every((passage) => passage.kind === 'position')).toBe(true);
    expect(operative.map((passage) => passage.locator)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `Operative para. ${n}`),
    );
    expect(
      operative.every((passage) => passage.kind === 'commitment' && passage.actorId === 'appf'),
    ).toBe(true);
    expect(byId(appf.passages, 'appf-2021:op1').text).toMatch(
      /^Confirm that APPF Member Countries play/,
    );
  });

  it('rejoins the preambular paragraph split at a page break', () => {
    expect(byId(appf.passages, 'appf-2021:pp4').text).toContain(
      'primarily coming from ISIS, Al-Qaeda and individuals and organizations related with them',
    );
  });

  it('reads its metadata from the text', () => {
    expect(appf.document).toMatchObject({
      date: '2021-12-13',
      dateLabel: '13-15 December 2021',
      place: 'Seoul, Republic of Korea',
      kind: 'resolution',
    });
    expect(appf.document.issuingBody).toContain('Russian Federation');
  });
});

describe('seminar proceedings 2020', () => {
  const speakers = seminar.actors.filter((actor) => actor.kind === 'person');

  it('has 20 speeches, each with its speaker and country', () => {
    expect(speakers.map((actor) => [actor.name, actor.country])).toEqual([
      ['Luo Zhaohui', 'China'],
      ['Syromolotov Oleg Vladimirovich', 'Russia'],
      ['Nabeel Muneer', 'Pakistan'],
      ['Mohamed Fouad Ahmed', 'Egypt'],
      ['Kozhirova Svetlana', 'Kazakhstan'],
      ['Xing Guangcheng', 'China'],
      ['Imtiaz Gul', 'Pakistan'],
      ['Ansyaad Mbai', 'Indonesia'],
      ['Ammar Awad', 'Syria'],
      ['Gu Liyan', 'China'],
      ['Sayed Ghoneim', 'UAE'],
      ['Chuah Teong Ban', 'Malaysia'],
      ['Khidoiatzoda Komroni Dzhamolidin', 'Tajikistan'],
      ['Mohammed Abas Mohammad', 'Syria'],
      ['Abdul Naser Noorzad', 'Afghanistan'],
      ['Fu Xiaoqiang', 'China'],
      ['Pritchkin Stanislav', 'Russia'],
      ['May Salem', 'Egypt'],
      ['Asrul Daniel Ahmed', 'Malaysia'],
      ['Bai Tian', 'China'],
    ]);
    const headings = seminar.passages.filter((passage) => /^seminar-2020:s\d\d$/.test(passage.id));
    expect(headings).toHaveLength(20);
  });

  it('reconciles the contents’ and the heading’s spelling of a speaker', () => {
    const mbai = speakers.find((actor) => actor.name === 'Ansyaad Mbai');
    expect(mbai).toMatchObject({
      nameVariants: ['Ansyad Mbai'],
      role: 'Former Head',
      organisation: 'National Counter-Terrorism Agency',
    });
    expect(speakers.filter((actor) => actor.nameVariants.length > 0)).toHaveLength(1);
  });

  it('splits roles and organisations from the headings', () => {
    expect(
      parseSpeakerLine(
        'Nabeel Muneer, Additional Secretary from the Ministry of Foreign Affairs, Pakistan',
      ),
    ).toEqual({
      name: 'Nabeel Muneer',
      role: 'Additional Secretary',
      organisation: 'Ministry of Foreign Affairs',
      country: 'Pakistan',
    });
    expect(speakers.find((actor) => actor.name === 'May Salem')?.organisation).toBe(
      'Cairo International Center for Conflict Resolution, Peacekeeping and Peacebuilding',
    );
    expect(speakers.find((actor) => actor.name === 'Fu Xiaoqiang')).toMatchObject({
      role: 'Director and Senior Research Fellow',
      organisation: 'Institute of International Security, CACIR',
    });
    expect(speakers.find((actor) => actor.name === 'Luo Zhaohui')?.role).toBe('Vice Minister');
  });

  it('attributes speech paragraphs to their speaker as positions and leaves salutations as context', () => {
    const etim = seminar.passages.find((passage) =>
      passage.text.startsWith('The Eastern Turkistan Islamic Movement (ETIM) is a terrorist group'),
    );
    expect(etim).toMatchObject({
      actorId: 'luo-zhaohui',
      kind: 'position',
      locator: 'Speech 1 (Luo Zhaohui), para. 13',
    });
    expect(byId(seminar.passages, 'seminar-2020:s01.p1')).toMatchObject({
      text: 'Dear Colleagues,',
      kind: 'context',
    });
    const positions = seminar.passages.filter((passage) => passage.kind === 'position');
    expect(new Set(positions.map((passage) => passage.actorId)).size).toBe(20);
  });

  it('rejoins paragraphs split at page breaks, also before a capitalised word', () => {
    expect(byId(seminar.passages, 'seminar-2020:s01.p12').text).toContain(
      'They offer useful experience to global deradicalization efforts',
    );
    expect(
      seminar.passages.some((passage) =>
        passage.text.includes('that Chinese Communist Party is no friend'),
      ),
    ).toBe(true);
    expect(seminar.passages.some((passage) => passage.text === 'will ultimately backfire.')).toBe(
      false,
    );
  });

  it('keeps a speech title apart from the paragraph after it', () => {
    expect(byId(seminar.passages, 'seminar-2020:s05.p1')).toMatchObject({
      text: "Terrorism issues during a pandemic (Kazakhstan's experience)",
      kind: 'context',
    });
  });
});

describe('APEC CTWG workplan 2017', () => {
  it('has deliverables 1.1 to 1.8 as commitments, numbers cut from the text', () => {
    const deliverables = workplan.passages.filter((passage) =>
      passage.locator.startsWith('Deliverable'),
    );
    expect(deliverables.map((passage) => passage.locator)).toEqual(
      ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'].map((n) => `Deliverable ${n}`),
    );
    expect(deliverables.every((passage) => passage.kind === 'commitment')).toBe(true);
    expect(byId(workplan.passages, 'apec-workplan-2017:deliverable-1.8').text).toBe(
      'Hold Workshop on Best Practices to deal with the Foreign Terrorist Fighter (FTF) Returnees, in Ho Chi Minh City in August (TBC)',
    );
  });

  it('unflattens the itemized work-plan table into rows of labelled cells, in column order', () => {
    const rows = workplan.passages.filter((passage) => passage.format === 'table-row');
    expect(rows).toHaveLength(7);
    expect(rows[0]!.fields?.[0]).toEqual({
      label: 'Title',
      text: 'Hold 9th Counter Terrorism Working Group (CTWG) Meeting in Nha Trang, Viet Nam, 21-22 February',
    });
    expect(rows[5]!.fields?.map((field) => field.label)).toEqual([
      'Title',
      'Summary of Specific Plans',
      'Mandate (Leaders/Ministers/SOM/SCE Priorities and Decisions, Strategic Plans and to ABAC recommendations)',
      'ECOTECH Priorities and/or Host Year Priorities',
    ]);
    expect(rows[5]!.fields?.[2]?.text).toBe(
      "2016 Leaders Declaration Encouraged economies to take actions and share best practices in the four cross-cutting areas of APEC's Consolidated Counter Terrorism and Secure Trade Strategy",
    );
    // A list flattened into a cell keeps the source's own dashes: nothing is added to a quote.
    expect(rows[5]!.fields?.[1]?.text).toContain(
      'among other: - Implementation of CTWG Projects - Current threats',
    );
    // The searchable text holds the cells one per line, never joined into one sentence.
    expect(rows[5]!.text.split('\n')).toEqual(rows[5]!.fields?.map((field) => field.text));
    expect(rows.some((row) => row.text.includes('<') || row.text.includes(' — '))).toBe(false);
  });

  it('attributes the recalled 2016 statements to the bodies that made them', () => {
    expect(byId(workplan.passages, 'apec-workplan-2017:introduction.p1')).toMatchObject({
      actorId: 'apec-leaders',
      kind: 'position',
    });
    expect(byId(workplan.passages, 'apec-workplan-2017:introduction.p2')).toMatchObject({
      actorId: 'apec-ministers',
      kind: 'position',
    });
    expect(byId(workplan.passages, 'apec-workplan-2017:introduction.p3')).toMatchObject({
      actorId: 'apec-mrt',
      kind: 'position',
    });
    expect(byId(workplan.passages, 'apec-workplan-2017:introduction.p4')).toMatchObject({
      actorId: 'apec-ctwg',
      kind: 'commitment',
    });
  });

  it('reads symbol, place and date from the cover page', () => {
    expect(workplan.document).toMatchObject({
      symbol: '2017/SOM1/SCE-COW/002; Forum Doc. No. 2017/SOM1/CTWG/004',
      place: 'Nha Trang, Viet Nam',
      date: '2017-02-28',
    });
  });
});

describe('APEC CTWG strategic plan 2018–2022', () => {
  it('has focus areas FA1 to FA9', () => {
    const focusAreas = strategicPlan.passages.filter((passage) => /^FA\d$/.test(passage.locator));
    expect(focusAreas.map((passage) => passage.locator)).toEqual([
      'FA1',
      'FA2',
      'FA3',
      'FA4',
      'FA5',
      'FA6',
      'FA7',
      'FA8',
      'FA9',
    ]);
    expect(byId(strategicPlan.passages, 'apec-strategic-plan-2018:fa5').text).toBe(
      'Increase cooperation and technical assistance among APEC member economies in their efforts to implement the Advance Passenger Information and Passenger Name Record (API/PNR) programs to secure and facilitate legitimate travel within the region;',
    );
  });

  it('has objectives 1 to 8 with their KPIs as written', () => {
    const kpis = strategicPlan.passages
      .filter((passage) => passage.locator.includes('KPI (') && passage.kind === 'commitment')
      .map((passage) => passage.locator);
    expect(kpis).toEqual([
      'Objective 1 › KPI (i)',
      'Objective 2 › KPI (i)',
      'Objective 2 › KPI (i) › a',
      'Objective 3 › KPI (ii)',
      'Objective 3 › KPI (ii) › a',
      'Objective 4 › KPI (i)',
      'Objective 4 › KPI (ii)',
      'Objective 4 › KPI (iii)',
      'Objective 4 › KPI (iv)',
      'Objective 5 › KPI (i)',
      'Objective 6 › KPI (i)',
      'Objective 6 › KPI (ii)',
      'Objective 6 › KPI (iii)',
      'Objective 6 › KPI (iv)',
      'Objective 7 › KPI (i)',
      'Objective 8 › KPI (i)',
    ]);
    const objectives = strategicPlan.passages.filter(
      (passage) => /^Objective \d$/.test(passage.locator) && passage.kind === 'commitment',
    );
    expect(objectives).toHaveLength(8);
    expect(byId(strategicPlan.passages, 'apec-strategic-plan-2018:objective-8.kpi-i').text).toBe(
      'Increase efforts and cooperation on counter-terrorism financing.',
    );
  });
});

describe('G7 action plan 2016', () => {
  it('files every bullet of Actions 1–3 under its sub-heading', () => {
    const bullets = g7.passages.filter((passage) => passage.locator.includes('bullet'));
    const countBy = (prefix: string) =>
      bullets.filter((passage) => passage.locator.startsWith(prefix)).length;
    expect(countBy('Action 1 › Implementation of relevant UNSCRs ›')).toBe(1);
    expect(countBy('Action 1 › Information Sharing and Cooperation ›')).toBe(4);
    expect(countBy('Action 1 › Border Security ›')).toBe(2);
    expect(countBy('Action 1 › Aviation Security ›')).toBe(4);
    expect(countBy('Action 1 › Countering Terrorist Financing ›')).toBe(4);
    expect(countBy('Action 1 › Trafficking of antiquities ›')).toBe(2);
    expect(countBy('Action 1 › Engagement with the private sector ›')).toBe(3);
    expect(countBy('Action 2 ›')).toBe(5);
    expect(countBy('Action 3 ›')).toBe(3);
    expect(bullets).toHaveLength(28);
  });

  it('gives the PNR/API bullet its full locator', () => {
    expect(byId(g7.passages, 'g7-action-plan-2016:a1.border-security.b2')).toMatchObject({
      locator: 'Action 1 › Border Security › bullet 2',
      sectionPath: ['Action 1: CT Measures', 'Border Security'],
      kind: 'commitment',
      text: 'Expand the use of Passenger Name Record (PNR) and Advance Passenger Information (API) in traveler screening.',
    });
  });

  it('rejoins bullets split at page breaks', () => {
    expect(
      byId(g7.passages, 'g7-action-plan-2016:a1.information-sharing-and-cooperation.b1').text,
    ).toBe(
      'Bolster information sharing among relevant authorities in G7 countries both domestically and internationally through existing mechanisms.',
    );
    expect(byId(g7.passages, 'g7-action-plan-2016:a2.b1').text).toMatch(
      /^Support endorsement of the UN Secretary General's Plan of Action to Prevent Violent Extremism \(PVE\), and call for/,
    );
  });

  it('records calls on others and shared views as positions', () => {
    expect(
      byId(g7.passages, 'g7-action-plan-2016:a1.countering-terrorist-financing.b4'),
    ).toMatchObject({ kind: 'position' });
    expect(byId(g7.passages, 'g7-action-plan-2016:a1.aviation-security.b1')).toMatchObject({
      kind: 'position',
    });
    expect(byId(g7.passages, 'g7-action-plan-2016:intro.p4')).toMatchObject({ kind: 'commitment' });
  });
});
