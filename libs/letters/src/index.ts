export * from './notice-letter.types';
export * from './render-notice-letter';
export { composeNoticeLetter, type NoticeLetterContent } from './notice-letter';
export { normalCaseTitle, segments, plainText, type TextSegment } from './letter-text.util';
