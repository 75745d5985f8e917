/**
 * Article languages and the PostgreSQL text search configuration each is stemmed with. The
 * database holds the ISO code; the search vector and the queries map it with the same table.
 */
export const ARTICLE_LANGUAGES = {
  en: 'english',
  fr: 'french',
  de: 'german',
  es: 'spanish',
  it: 'italian',
  nl: 'dutch',
} as const;
export type ArticleLanguage = keyof typeof ARTICLE_LANGUAGES;
export const LANGUAGE_CODES = Object.keys(ARTICLE_LANGUAGES) as ArticleLanguage[];

export const LANGUAGE_LABELS: Record<ArticleLanguage, string> = {
  en: 'English',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
};

/**
 * A SQL CASE choosing the text search configuration for a language column. Each branch is a
 * constant, so the expression is immutable and can feed a generated column.
 */
export function tsConfigCase(column: string): string {
  const branches = Object.entries(ARTICLE_LANGUAGES)
    .map(([code, cfg]) => `when '${code}' then '${cfg}'::regconfig`)
    .join(' ');
  return `(case ${column} ${branches} else 'simple'::regconfig end)`;
}
