import { describe, it, expect } from 'vitest';
import { findPii, type PiiFinding, type PiiKind } from '../../src/core/pii.js';
import { luhnDigit, pnr } from '../helpers/identity.js';

// Project rule: no literal in this file may look like a real personnummer/samordningsnummer.
// Every identity number below is built at test time from a date, a serial and a computed check
// digit; "wrong" variants are derived from those in code. Phone numbers are from the ranges PTS
// reserves for fiction (070-174 06 05..99, 08-465 004 xx, 031-390 06 xx, 040-628 04 xx,
// 0980-319 2xx); e-mails use example.org; addresses are made up.



/** Same number with its last (check) digit off by one. */
function wrongCheck(valid: string): string {
  const last = Number(valid.slice(-1));
  return valid.slice(0, -1) + String((last + 1) % 10);
}

function kinds(text: string): PiiKind[] {
  return findPii(text).map((f) => f.kind);
}

/** The text must yield exactly one finding, of `kind`, covering exactly `span`. */
function expectSingle(text: string, kind: PiiKind, span: string): void {
  const at = text.indexOf(span);
  expect(at, `span not in text: ${span}`).toBeGreaterThanOrEqual(0);
  expect(findPii(text)).toEqual([{ kind, index: at, length: span.length }]);
}

describe('findPii: personnummer and samordningsnummer', () => {
  const base = [
    { name: '1990', date: '900101', serial: '123' },
    { name: 'born 2005 (youth target group)', date: '050315', serial: '234' },
    { name: 'leap day 2000', date: '000229', serial: '456' },
  ];
  const forms: { form: string; sep: string; century: (d: string) => string }[] = [
    { form: 'YYMMDD-NNNN', sep: '-', century: () => '' },
    { form: 'YYMMDDNNNN', sep: '', century: () => '' },
    { form: 'YYMMDD NNNN', sep: ' ', century: () => '' },
    { form: 'YYYYMMDD-NNNN', sep: '-', century: (d) => (d.startsWith('9') ? '19' : '20') },
    { form: 'YYYYMMDDNNNN', sep: '', century: (d) => (d.startsWith('9') ? '19' : '20') },
    { form: 'YYYYMMDD NNNN', sep: ' ', century: (d) => (d.startsWith('9') ? '19' : '20') },
  ];

  for (const b of base) {
    for (const f of forms) {
      it(`finds a personnummer, ${b.name}, form ${f.form}`, () => {
        const id = pnr(b.date, b.serial, f.sep, f.century(b.date));
        expectSingle(`Personen har ${id} enligt AF.`, 'personnummer', id);
      });
      it(`finds a samordningsnummer (day + 60), ${b.name}, form ${f.form}`, () => {
        const day = Number(b.date.slice(4, 6)) + 60;
        const date = b.date.slice(0, 4) + String(day);
        const id = pnr(date, b.serial, f.sep, f.century(b.date));
        expectSingle(`Samordningsnr ${id}`, 'samordningsnummer', id);
      });
    }
  }

  it('finds YYMMDD+NNNN (a person aged 100 or more)', () => {
    const id = pnr('200101', '345', '+');
    expectSingle(`Född ${id}.`, 'personnummer', id);
  });

  it('finds a number at the very start and the very end of the text', () => {
    const id = pnr('900101', '123', '-');
    expectSingle(id, 'personnummer', id);
    expectSingle(`${id} x`, 'personnummer', id);
    expectSingle(`x ${id}`, 'personnummer', id);
  });

  it('finds a number after a label without space', () => {
    const id = pnr('900101', '123');
    expectSingle(`pnr:${id}`, 'personnummer', id);
  });

  const wrong = [
    { name: 'wrong check digit, 10 digits', id: wrongCheck(pnr('900101', '123')) },
    { name: 'wrong check digit, YYMMDD-NNNN', id: wrongCheck(pnr('900101', '123', '-')) },
    { name: 'wrong check digit, 12 digits', id: wrongCheck(pnr('900101', '123', '', '19')) },
    { name: 'wrong check digit, samordningsnummer', id: wrongCheck(pnr('900161', '123', '-')) },
    { name: 'month 13', id: pnr('901301', '123', '-') },
    { name: 'month 00', id: pnr('900001', '123') },
    { name: 'day 32', id: pnr('900132', '123') },
    { name: '30 February', id: pnr('900230', '123', '-') },
    { name: '29 February in a non-leap year', id: pnr('010229', '123', '-', '20') },
    { name: 'samordningsnummer day 92 (31 + 61)', id: pnr('900192', '123', '-') },
    { name: 'organisation number (month 20+)', id: pnr('556600', '123', '-') },
    { name: '12 digits with an implausible century', id: pnr('900101', '123', '', '33') },
  ];
  for (const w of wrong) {
    it(`does not flag: ${w.name}`, () => {
      expect(findPii(`Nummer ${w.id} i texten`)).toEqual([]);
    });
  }

  it('does not pick a valid number out of a longer digit run', () => {
    const id = pnr('900101', '123');
    expect(findPii(`OCR 77${id}88`)).toEqual([]);
    expect(findPii(`OCR 77${pnr('900101', '123', '-')}`)).toEqual([]);
    expect(findPii(`OCR ${pnr('900101', '123', '-')}88`)).toEqual([]);
  });
});

describe('findPii: e-mail', () => {
  const emails = ['someone@example.org', 'first.last+samrad@sub.example.org', 'anna-karin_b@example.se', 'åsa@exempel.example.org'];
  for (const e of emails) {
    it(`finds ${e}`, () => {
      expectSingle(`Skriv till ${e}.`, 'email', e);
      expectSingle(`<${e}>`, 'email', e);
    });
  }
  it('does not flag an @mention or a lone @', () => {
    expect(findPii('Fråga @koordinator om det, eller skriv @ här')).toEqual([]);
  });
});

describe('findPii: phone numbers', () => {
  const phones = [
    '070-174 06 50',
    '0701740650',
    '070 174 06 50',
    '070-1740650',
    '070 - 174 06 50',
    '+46 70 174 06 50',
    '+46701740650',
    '+46 (0)70-174 06 50',
    '0046 70 174 06 50',
    '0046701740650',
    '08-465 004 50',
    '08-46500450',
    '08 465 004 50',
    '+46 8 465 004 50',
    '031-390 06 50',
    '031 390 06 50',
    '0313900650',
    '040-628 04 50',
    '0980-31 92 50',
    '0980-319 250',
    '+45 12 34 56 78',
  ];
  for (const p of phones) {
    it(`finds ${p}`, () => {
      expectSingle(`Ring ${p} efter lunch.`, 'phone', p);
      expectSingle(`tel:${p}`, 'phone', p);
      expectSingle(`(${p})`, 'phone', p);
    });
  }
});

describe('findPii: postal addresses', () => {
  const addresses = [
    'Exempelgatan 12, 999 99 Påhittby',
    'Exempelgatan 12',
    'Testgränd 5B',
    'Testgränd 5 B',
    'Låtsasvägen 3 lgh 1102',
    'Låtsasvägen 3, lgh 1102',
    'Låtsasvägen 3 lgh 1102, 999 99 Påhittby',
    'Södra Exempelgatan 4',
    'Carl Fiktivs gata 12',
    'Sagostigen 7',
    'Hittepåbacken 7',
    'Låtsastorget 1',
    'Påhittallén 9',
    'Fiktivplan 3',
    'Fantasileden 10',
    'Sagostråket 2',
    'Drömgata 4',
    'Låtsasväg 8',
    'Exempelgatan 12-14',
    '999 99 Påhittby',
    '99999 Påhittby',
    '999 99 PÅHITTBY',
    '999 99 Påhitt-Köping',
  ];
  for (const a of addresses) {
    it(`finds ${a}`, () => {
      expectSingle(`Bor på ${a}.`, 'address', a);
    });
  }
  it('finds a street written in lower case in chat', () => {
    expectSingle('hon bor på exempelgatan 12 nu', 'address', 'exempelgatan 12');
  });
  it('finds an address over two lines as one span', () => {
    const a = 'Exempelgatan 12\n999 99 Påhittby';
    expectSingle(`Adress:\n${a}\n`, 'address', a);
  });
  it('keeps the street when what follows is an amount, not a postcode and town', () => {
    expectSingle('Exempelgatan 12, 120 00 Kronor', 'address', 'Exempelgatan 12');
  });
});

describe('findPii: everyday numbers of the domain are not PII', () => {
  const negatives = [
    'Mötet är 2026-12-01 kl 09:00.',
    'Startdatum 2026-12-01, svar senast 2027-01-15',
    'Ärende UNG-2026-017 tas upp nästa möte',
    'Ärendena UNG-2026-017, VUX-2026-104 och ETP-2026-001',
    'Bidraget är 12 000 kr per månad',
    'Bidraget är 12000 kr, +12 000 000 kr totalt',
    'Totalt 12000 Kronor',
    'Omfattning 30 timmar per vecka',
    'spår 1 betyder 23 timmar i veckan',
    'Hon läser nivå 2, spår 2',
    'Under 2026 och 2027',
    'Referens 12345 och 123456',
    'Öppet kl 0900-1200 och 1300–1600',
    'Datum 01-12-2026',
    'Handlingsplan 2 är klar, se åtgärdsplan 3',
    'Mötet är på plan 2, ingången 2',
    'Vi ses på Stortorget 10:00',
    'vägen 2 är bättre än vägen 3',
    'Kvoten är 0,5 och 1,25',
    'Organisationsnummer 212000-0000',
    'Version 1.2.3, 45 %, 10/12',
    'Telefontid 08.00-09.00, möte 13.00–14.30',
    'Kvartal 1 2026: 45 ärenden, vecka 48 2026 252 ärenden Helsingborg',
    'Beslut 2026-11-25 nr 1234567890',
    'Ärende 0701-2026',
    'Svar: start 2026-12-07, nivå 2, spår 3, Komvux Helsingborg, 30 tim/v, 2 x 45 min',
    '',
  ];
  for (const text of negatives) {
    it(`does not flag: ${JSON.stringify(text)}`, () => {
      expect(findPii(text)).toEqual([]);
    });
  }
});

describe('findPii: several findings in one text', () => {
  it('reports every finding, in order, with index and length', () => {
    const id = pnr('050315', '234', '-');
    const coord = pnr('900161', '123', '', '19');
    const parts = {
      phone: '070-174 06 50',
      email: 'someone@example.org',
      id,
      address: 'Exempelgatan 12, 999 99 Påhittby',
      coord,
    };
    const text =
      `Ärende UNG-2026-017 (2026-12-01 09:00, 30 timmar): ring ${parts.phone} eller mejla ${parts.email}. ` +
      `Pnr ${parts.id}, bor på ${parts.address}; samordningsnr ${parts.coord}. Spår 2, 12 000 kr.`;
    const expected: PiiFinding[] = [
      { kind: 'phone', index: text.indexOf(parts.phone), length: parts.phone.length },
      { kind: 'email', index: text.indexOf(parts.email), length: parts.email.length },
      { kind: 'personnummer', index: text.indexOf(parts.id), length: parts.id.length },
      { kind: 'address', index: text.indexOf(parts.address), length: parts.address.length },
      { kind: 'samordningsnummer', index: text.indexOf(parts.coord), length: parts.coord.length },
    ];
    expect(findPii(text)).toEqual(expected);
  });

  it('counts indexes in UTF-16 units across emoji and newlines', () => {
    const id = pnr('900101', '123', '-');
    const text = `🙂 Hej!\n👩‍👧 ring 070-174 06 50\n\n📧 someone@example.org 👍\r\nPnr: ${id} 🎉\n999 99 Påhittby`;
    const found = findPii(text);
    expect(found.map((f) => f.kind)).toEqual(['phone', 'email', 'personnummer', 'address']);
    expect(found.map((f) => text.slice(f.index, f.index + f.length))).toEqual([
      '070-174 06 50',
      'someone@example.org',
      id,
      '999 99 Påhittby',
    ]);
  });

  it('reports a number inside an e-mail address once, as the e-mail', () => {
    const email = `${pnr('900101', '123')}@example.org`;
    expectSingle(`Mejla ${email}`, 'email', email);
  });

  it('does not report overlapping spans', () => {
    const found = findPii(`Exempelgatan 12, 999 99 Påhittby, ${pnr('900101', '123', '-')}`);
    for (let i = 1; i < found.length; i++) {
      const prev = found[i - 1]!;
      expect(found[i]!.index).toBeGreaterThanOrEqual(prev.index + prev.length);
    }
    expect(kinds(`Exempelgatan 12, 999 99 Påhittby`)).toEqual(['address']);
  });
});
