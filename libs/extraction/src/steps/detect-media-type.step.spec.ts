import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import { MEDIA_TYPES } from '../media-type';
import { DetectMediaTypeStep } from './detect-media-type.step';
import type { ExtractionContext } from './step.types';

function ctx(
  data: Uint8Array,
  mediaType: ExtractionContext['mediaType'] = null,
): ExtractionContext {
  return {
    data,
    fileName: null,
    ocr: false,
    maxPages: 10,
    mediaType,
    pageTexts: [],
    pagesWithoutText: [],
    ocrPages: [],
    text: '',
    pageStarts: [],
    language: null,
    terms: null,
    evidence: {},
    confidence: {},
    candidates: {},
    reviewReasons: [],
    obligations: [],
    resources: new Map(),
  };
}

describe('DetectMediaTypeStep', () => {
  const step = new DetectMediaTypeStep();

  it('sniffs a PDF from its bytes, whatever the declared type', async () => {
    const c = ctx(Buffer.from('%PDF-1.7\n...'), MEDIA_TYPES.docx);
    await step.run(c);
    expect(c.mediaType).toBe(MEDIA_TYPES.pdf);
  });

  it('rejects an empty file with empty_file', async () => {
    await expect(step.run(ctx(new Uint8Array(0)))).rejects.toEqual(
      new ExtractionStopError(
        ExtractionErrorCode.EmptyFile,
        'The file is empty (0 bytes); upload the contract again',
      ),
    );
  });

  it('rejects a binary file with unsupported_media_type', async () => {
    await expect(
      step.run(ctx(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))),
    ).rejects.toMatchObject({ code: ExtractionErrorCode.UnsupportedMediaType });
  });
});
