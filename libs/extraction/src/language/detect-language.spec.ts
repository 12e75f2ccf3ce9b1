import { detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    [
      'Sopimus on voimassa toistaiseksi, ja kumpikin osapuoli voi irtisanoa sen kolmen kuukauden irtisanomisajalla.',
      'fi',
    ],
    [
      'Avtalet gäller tills vidare och kan sägas upp av vardera parten med tre månaders uppsägningstid.',
      'sv',
    ],
    [
      'This Agreement shall commence on the Effective Date and continue for a period of three years.',
      'en',
    ],
  ])('reads "%s" as %s', (text, language) => {
    expect(detectLanguage(text)).toMatchObject({ language, read: language });
  });

  it('names a language it does not read, and reads nothing in it', () => {
    const reading = detectLanguage(
      'Der Vertrag gilt auf unbestimmte Zeit und kann von jeder Partei mit einer Frist von drei Monaten zum Ende eines Kalendermonats gekündigt werden. Dieser Vertrag unterliegt deutschem Recht, und Gerichtsstand ist Berlin, soweit gesetzlich zulässig und vereinbart.',
    );
    expect(reading.read).toBeNull();
    expect(reading.language).toBe('de');
  });

  it('gives "und" for text without words', () => {
    expect(detectLanguage('12 34 56 -- ##')).toMatchObject({ language: 'und', read: null });
  });
});
