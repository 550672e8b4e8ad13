// A person's full name: a first name from a list, followed by a surname-shaped word.
//
// The first names come from @faker-js/faker's locale data (kept by its maintainers, per country):
// Swedish, the Nordic neighbours, German, Polish, Finnish, Turkish, Azerbaijani, Balkan, Romance
// languages — plus below the most common names of people who came to Sweden from Arabic-, Somali-,
// Persian-, Dari- and Tigrinya-speaking countries, in the Latin spellings Swedish offices use (faker
// holds those in their own scripts only). A surname-shaped word is capitalised (`Andersson`,
// `Al-Hassan`, `Yilmaz`). Not a name: a colleague's mention (`@namn@domän`, a platform mention), a
// first name alone (`Anna`), a first name before a place or organisation word (`Maria Park`,
// `Komvux Helsingborg`), names written all in lower case, and initials.
import { az, da, de, es, fi, fr, hr, it, nb_NO, pl, pt_PT, ro, sr_RS_latin, sv, tr, type LocaleDefinition } from '@faker-js/faker';

const EXTRA_FIRST_NAMES = [
  'Mohammed', 'Mohamed', 'Muhammad', 'Mohammad', 'Ahmed', 'Ahmad', 'Ali', 'Hassan', 'Hussein', 'Husein', 'Omar', 'Umar', 'Yusuf',
  'Youssef', 'Ibrahim', 'Khalid', 'Khaled', 'Mahmoud', 'Mustafa', 'Mostafa', 'Abdullah', 'Abdi', 'Abdirahman', 'Abdulrahman',
  'Hamza', 'Karim', 'Samir', 'Tariq', 'Bilal', 'Amir', 'Reza', 'Mehdi', 'Hamid', 'Farid', 'Jamal', 'Nabil', 'Walid', 'Yasin',
  'Yassin', 'Ismail', 'Idris', 'Said', 'Saeed', 'Salah', 'Osman', 'Othman', 'Faisal', 'Rashid', 'Hussain', 'Hasan', 'Murad',
  'Fatima', 'Fatuma', 'Amina', 'Aisha', 'Ayesha', 'Zainab', 'Zeinab', 'Maryam', 'Mariam', 'Khadija', 'Hawa', 'Halima', 'Asha',
  'Sara', 'Leila', 'Layla', 'Nour', 'Noor', 'Yasmin', 'Jasmin', 'Samira', 'Hodan', 'Fadumo', 'Ayan', 'Sahra', 'Zahra', 'Hanan',
  'Rania', 'Dina', 'Lina', 'Rahel', 'Selam', 'Senait', 'Tesfaye', 'Yonas', 'Dawit', 'Mehret', 'Merhawi', 'Kidane', 'Habib',
  'Parisa', 'Shirin', 'Nasrin', 'Mina', 'Farah', 'Sana', 'Hiba', 'Huda', 'Roya', 'Sima', 'Setareh', 'Arash', 'Dariush', 'Kamran',
];

/** Capitalised words that follow a first name in ordinary forum text without making it a full name. */
const NOT_SURNAMES = new Set([
  'helsingborg', 'halmstad', 'laholm', 'gislaved', 'gnosjö', 'vaggeryd', 'värnamo', 'stockholm', 'göteborg', 'malmö', 'lund',
  'skåne', 'sverige', 'park', 'parken', 'kyrka', 'kyrkan', 'skola', 'skolan', 'gymnasium', 'gymnasiet', 'förskola', 'kundtjänst',
  'komvux', 'vux', 'kommun', 'kommunen', 'stad', 'staden', 'region', 'centrum', 'ab', 'arbetsförmedlingen', 'försäkringskassan',
  'migrationsverket', 'sfi', 'af', 'amf', 'kaa', 'etp', 'ung', 'unga', 'vuxna', 'torg', 'torget', 'gata', 'gatan', 'väg', 'vägen',
  'sjukhus', 'sjukhuset', 'vårdcentral', 'bibliotek', 'biblioteket', 'huset', 'hus', 'hotell', 'teater', 'teatern', 'kapell',
  'folkhögskola', 'universitet', 'högskola', 'campus', 'akademi', 'akademin', 'institutet', 'stiftelsen', 'förening', 'föreningen',
]);

/** Names that are also common Swedish words a sentence may start with. */
const NOT_FIRST_NAMES = new Set(['bo', 'tro', 'vid', 'dag', 'mot', 'tor', 'sol', 'ask', 'alla', 'ung', 'eller', 'när', 'under', 'inga', 'kan', 'får', 'sten', 'storm']);

function firstNamesOf(locale: LocaleDefinition): string[] {
  const fn = locale.person?.first_name as unknown;
  if (!fn) return [];
  if (Array.isArray(fn)) return fn as string[];
  return Object.values(fn as Record<string, string[]>).flat();
}

let names: Set<string> | null = null;
function firstNames(): Set<string> {
  if (!names) {
    const all = [sv, da, nb_NO, fi, de, pl, tr, az, es, fr, it, pt_PT, ro, hr, sr_RS_latin].flatMap(firstNamesOf);
    names = new Set(
      [...all, ...EXTRA_FIRST_NAMES]
        .flatMap((n) => n.split(/[\s]+/))
        .filter((n) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(n) && n.length >= 3)
        .map((n) => n.toLowerCase())
        .filter((n) => !NOT_FIRST_NAMES.has(n)),
    );
  }
  return names;
}

/** Mentions of colleagues (shell `@namn@domän`, Slack `<@U…|namn>`, Teams `<at>Namn</at>`) are staff, not names. */
function withoutMentions(text: string): string {
  return text.replace(/<@[^>]*>/g, ' ').replace(/<at>[^<]*<\/at>/gi, ' ').replace(/@[^\s]+/g, ' ');
}

const WORD_PAIR = /(?<![\p{L}\p{N}-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+((?:\p{Lu}\p{Ll}*-)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/gu;

/** Whether the text (in the normal form) holds a full name: a known first name and a surname-shaped word. */
export function hasFullName(text: string): boolean {
  const list = firstNames();
  const t = withoutMentions(text);
  // Overlapping pairs: "Anna Maria Andersson" is checked as Anna+Maria and Maria+Andersson.
  for (let at = 0; at < t.length; ) {
    WORD_PAIR.lastIndex = at;
    const m = WORD_PAIR.exec(t);
    if (!m) return false;
    const [first, last] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    if (list.has(first.split('-')[0]!) && !NOT_SURNAMES.has(last)) return true;
    at = (m.index ?? 0) + m[1]!.length;
  }
  return false;
}
