/**
 * The forms a questionnaire is written in: a printable page, a form
 * specification for any form tool (JSON or CSV), or a paper tally sheet.
 */
export const QUESTIONNAIRE_FORMATS = ['html', 'form-json', 'form-csv', 'tally'] as const;
export type QuestionnaireFormat = (typeof QUESTIONNAIRE_FORMATS)[number];
