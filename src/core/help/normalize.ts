/**
 * Text normalization shared by the knowledge-base index and its queries, so both sides fold the same way:
 * case, diacritics (NFKD, then combining marks dropped: "sąskaita" = "saskaita", "ё" = "е", "й" = "и"),
 * a few letters NFKD leaves alone ("ß", "ł", "ø", "æ"…), and optionally Cyrillic → Latin transliteration
 * ("schet" finds "счёт").
 */

/** Letters that have no decomposition but that people type as plain Latin. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
};

/** Russian (and Ukrainian/Belarusian extras) to Latin, after diacritics are gone (so "ё" is already "е", "й" is "и"). */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ў: 'u', є: 'e', ґ: 'g',
};

const COMBINING_MARKS = /\p{M}+/gu;
const SPECIAL_LETTERS = /[ßæœøłđðþıħŧ]/g;
const CYRILLIC_LETTERS = /[\u0400-\u04FF]/g;
const TOKEN_SEPARATORS = /[^\p{L}\p{N}]+/u;

export interface NormalizeOptions {
  /** Also spell Cyrillic in Latin letters, so a query typed in either script matches (default false). */
  transliterate?: boolean;
}

/** Fold `text` for matching: lower case, no diacritics, special letters spelled plainly. */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  let folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  folded = folded.replace(SPECIAL_LETTERS, (letter) => FOLDED_LETTERS[letter] ?? letter);
  if (options.transliterate) folded = folded.replace(CYRILLIC_LETTERS, (letter) => CYRILLIC_TO_LATIN[letter] ?? letter);
  return folded;
}

/** Normalized words of `text` (letters and digits of any script; everything else separates). */
export function tokenize(text: string, options: NormalizeOptions = {}): string[] {
  return normalizeText(text, options).split(TOKEN_SEPARATORS).filter((token) => token.length > 0);
}
