// date-holidays-parser ships types/index.d.ts but its package "exports" hide them from NodeNext
// resolution; the part we use (src/core/dates.ts):
declare module 'date-holidays-parser' {
  export default class Holidays {
    constructor(data: object, country: string);
    getHolidays(year: number, lang?: string): { date: string; name: string; type: string }[];
  }
}
