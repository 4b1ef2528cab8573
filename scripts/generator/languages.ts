import type { TextPackId } from './text/packs';

/**
 * Language names as the dataset spells them (Polyglot's English names, `unknown` when detection
 * failed). The head follows the published order (English, Portuguese, Russian, Chinese, Spanish);
 * the tail is long enough that more than 150 names show up in 100,000 rows.
 */
export interface LanguageSpec {
  name: string;
  weight: number;
  pack: TextPackId;
}

const HEAD: readonly LanguageSpec[] = [
  { name: 'English', weight: 0.75, pack: 'en' },
  { name: 'Portuguese', weight: 0.052, pack: 'pt' },
  { name: 'Russian', weight: 0.04, pack: 'ru' },
  { name: 'Chinese', weight: 0.034, pack: 'zh' },
  { name: 'Spanish', weight: 0.026, pack: 'es' },
  { name: 'German', weight: 0.014, pack: 'de' },
  { name: 'French', weight: 0.012, pack: 'fr' },
  { name: 'Japanese', weight: 0.0085, pack: 'ja' },
  { name: 'Italian', weight: 0.007, pack: 'it' },
  { name: 'unknown', weight: 0.006, pack: 'en' },
  { name: 'Korean', weight: 0.005, pack: 'ko' },
  { name: 'Arabic', weight: 0.004, pack: 'ar' },
  { name: 'Indonesian', weight: 0.0035, pack: 'en' },
  { name: 'Polish', weight: 0.003, pack: 'en' },
  { name: 'Dutch', weight: 0.0025, pack: 'en' },
  { name: 'Vietnamese', weight: 0.0025, pack: 'en' },
  { name: 'Turkish', weight: 0.002, pack: 'en' },
  { name: 'Persian', weight: 0.002, pack: 'ar' },
  { name: 'Ukrainian', weight: 0.002, pack: 'ru' },
];

const TAIL_NAMES =
  `Swedish Czech Hungarian Greek Romanian Finnish Danish Hebrew Thai Bulgarian Norwegian Hindi
Catalan Serbian Croatian Slovak Malay Lithuanian Slovenian Bengali Latin Estonian Latvian Tagalog
Galician Basque Esperanto Urdu Tamil Azerbaijani Kazakh Georgian Armenian Albanian Macedonian
Belarusian Bosnian Icelandic Welsh Irish Afrikaans Swahili Marathi Telugu Malayalam Kannada Gujarati
Punjabi Nepali Sinhala Khmer Lao Burmese Mongolian Uzbek Kirghiz Tajik Turkmen Tatar Bashkir Chuvash
Yoruba Igbo Hausa Zulu Xhosa Somali Amharic Malagasy Maori Samoan Hawaiian Haitian_Creole
Luxembourgish Faroese Breton Corsican Occitan Scots Scottish_Gaelic Manx Western_Frisian Interlingua
Interlingue Volapuk Ido Sanskrit Pashto Sindhi Kurdish Uighur Tibetan Dzongkha Oriya Assamese Divehi
Yiddish Javanese Sundanese Cebuano Waray Ilokano Kinyarwanda Shona Sesotho Tswana Wolof Lingala Oromo
Tigrinya Aymara Quechua Guarani Bislama Fijian Tongan Chamorro Greenlandic Northern_Sami Cornish
Aragonese Asturian Walloon Romansh Sardinian Sicilian Neapolitan Venetian Lombard Limburgish
Low_German Alemannic Bavarian Kashubian Upper_Sorbian Ossetian Chechen Avaric Abkhazian Komi Udmurt
Mari Erzya Yakut Buryat Kalmyk Inuktitut Cherokee Hmong Zhuang Klingon`
    .split(/\s+/)
    .map((name) => name.replaceAll('_', ' '));

const TAIL_WEIGHT = 1 - HEAD.reduce((sum, l) => sum + l.weight, 0);

/** A flattened Zipf tail (1/(k+30)) so even the rarest names appear about 8 times per 100,000. */
function tail(): LanguageSpec[] {
  const raw = TAIL_NAMES.map((_, k) => 1 / (k + 30));
  const total = raw.reduce((a, b) => a + b, 0);
  return TAIL_NAMES.map((name, k) => ({
    name,
    weight: (TAIL_WEIGHT * (raw[k] ?? 0)) / total,
    pack: 'en',
  }));
}

export const LANGUAGES: readonly LanguageSpec[] = [...HEAD, ...tail()];
