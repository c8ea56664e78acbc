/**
 * Word lists the kind rules read. Lower case; multi-word entries are matched on word
 * boundaries. Kept short and general: a word missing here gives "unknown", never a guess.
 */

/** News outlets and agencies (matched anywhere in the source words). */
export const OUTLETS = [
  'new york times', 'ny times', 'nyt', 'new york post', 'washington post', 'wall street journal', 'wsj', 'usa today',
  'miami herald', 'boston globe', 'los angeles times', 'la times', 'chicago tribune', 'financial times', 'the times', 'the post',
  'the guardian', 'the independent', 'the telegraph', 'the economist', 'the atlantic', 'the new yorker', 'the hill',
  'fox news', 'fox business', 'fox', 'cnn', 'msnbc', 'nbc', 'nbc news', 'abc', 'abc news', 'cbs', 'cbs news', 'pbs', 'npr', 'bbc', 'c-span', 'cnbc',
  'associated press', 'ap', 'reuters', 'afp', 'bloomberg', 'politico', 'axios', 'breitbart', 'breitbart news', 'huffington post',
  'huffpost', 'huff post', 'buzzfeed', 'buzzfeed news', 'vox', 'slate', 'salon', 'the daily beast', 'daily mail', 'newsweek',
  'time magazine', 'western journal', 'the western journalism', 'drudge report', 'the intercept', 'propublica', 'mother jones',
  'national review', 'the blaze', 'daily caller', 'washington examiner', 'washington times', 'new york daily news', 'al jazeera',
  'politifact', 'factcheck.org', 'snopes', 'anadolu', 'tass', 'ria novosti', 'xinhua',
];

/** Head nouns that name the press itself. */
export const MEDIA_NOUNS = ['media', 'press', 'newspaper', 'newspapers', 'paper', 'network', 'networks', 'outlet', 'outlets', 'reporters', 'journalists', 'tabloid', 'tabloids', 'broadcaster', 'magazine', 'newsroom'];

/** Head nouns of a document or a statement. */
export const DOCUMENT_NOUNS = [
  'statement', 'statements', 'report', 'reports', 'memo', 'memos', 'letter', 'letters', 'document', 'documents', 'email', 'emails',
  'e-mail', 'e-mails', 'tweet', 'tweets', 'filing', 'filings', 'release', 'poll', 'polls', 'polling', 'survey', 'surveys', 'study',
  'studies', 'data', 'record', 'records', 'transcript', 'transcripts', 'book', 'article', 'articles', 'ad', 'ads', 'advertisement',
  'video', 'website', 'analysis', 'complaint', 'lawsuit', 'suit', 'ruling', 'indictment', 'announcement', 'message', 'messages',
  'speech', 'remarks', 'testimony', 'figures', 'numbers', 'research', 'platform', 'order', 'law', 'bill', 'guidelines',
  'proposal', 'plan', 'post', 'posts', 'op-ed', 'editorial', 'column', 'estimate', 'estimates', 'findings', 'audit', 'review',
  'footage', 'recording', 'photo', 'photos', 'documentary', 'commercial', 'interview', 'notes', 'minutes', 'account', 'accounts',
  'cable', 'leak', 'leaks', 'file', 'files', 'chart', 'map', 'index', 'forecast', 'model', 'projection', 'ballot', 'results',
  'petition', 'resolution', 'rulings', 'analyses', 'tally', 'tallies', 'reporting', 'coverage', 'story', 'stories', 'investigation', 'agreement', 'treaty', 'constitution', 'decision', 'verdict', 'opinion', 'brief', 'policy',
];

/** Head nouns of an organisation or institution. */
export const ORGANISATION_NOUNS = [
  'government', 'governments', 'administration', 'campaign', 'campaigns', 'committee', 'party', 'department', 'ministry', 'agency',
  'office', 'court', 'council', 'congress', 'senate', 'house', 'parliament', 'commission', 'bureau', 'board', 'company',
  'corporation', 'firm', 'group', 'organization', 'organisation', 'union', 'association', 'institute', 'university', 'foundation',
  'center', 'centre', 'police', 'military', 'army', 'navy', 'pentagon', 'kremlin', 'regime', 'authorities', 'team', 'camp', 'side',
  'coalition', 'alliance', 'council', 'legislature', 'cabinet', 'ministry', 'secretariat', 'service', 'fund', 'bank', 'pac',
  'caucus', 'chamber', 'church', 'school', 'college', 'hospital', 'state', 'city', 'county', 'club', 'league', 'network',
  'inc', 'corp', 'llc', 'co', 'industry', 'lobby', 'institution', 'forces', 'delegation', 'embassy', 'consulate', 'leadership',
  'establishment', 'labor', 'labour', 'unions', 'bureaucracy', 'agencies', 'parties', 'companies', 'firms', 'majority', 'minority', 'nation', 'country', 'republic', 'prosecutors', 'prosecution', 'defense', 'defence',
];

/** Acronyms and names of organisations that are not outlets. */
export const ORGANISATIONS = [
  'white house', 'fbi', 'cia', 'nsa', 'doj', 'dhs', 'irs', 'epa', 'fda', 'cdc', 'un', 'united nations', 'nato', 'eu', 'european union',
  'dnc', 'rnc', 'gop', 'aclu', 'nra', 'opec', 'imf', 'world bank', 'supreme court', 'state department', 'pentagon', 'kremlin',
  'congress', 'senate', 'capitol hill', 'wikileaks', 'downing street', 'the vatican', 'hamas', 'hezbollah', 'isis', 'taliban',
  'google', 'facebook', 'twitter', 'apple', 'microsoft', 'amazon', 'exxon', 'goldman sachs', 'wells fargo',
];

/** Countries and capitals used for their governments ("Moscow said"). */
export const STATES = [
  'washington', 'moscow', 'beijing', 'caracas', 'kyiv', 'kiev', 'london', 'paris', 'berlin', 'tehran', 'ankara', 'brussels',
  'russia', 'china', 'iran', 'venezuela', 'ukraine', 'turkey', 'israel', 'mexico', 'canada', 'cuba', 'syria', 'germany', 'france',
  'britain', 'japan', 'india', 'pakistan', 'north korea', 'south korea', 'saudi arabia', 'america', 'united states', 'us', 'u.s.',
];

/** People nouns that leave the person unnamed: with an indefinite article or plural they are anonymous. */
export const ANONYMOUS_NOUNS = [
  'source', 'sources', 'official', 'officials', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'insider', 'insiders',
  'person', 'people', 'persons', 'individual', 'individuals', 'someone', 'somebody', 'anyone', 'experts', 'analysts', 'observers',
  'critics', 'supporters', 'opponents', 'voters', 'residents', 'witnesses', 'members', 'staffers', 'employees', 'operative',
  'operatives', 'strategists', 'diplomats', 'lawmakers', 'legislators', 'leaders', 'executives', 'investigators', 'agents',
  'activists', 'protesters', 'democrats', 'republicans', 'conservatives', 'liberals', 'progressives', 'americans', 'economists',
  'scientists', 'researchers', 'doctors', 'lawyers', 'attorneys', 'allies', 'donors', 'friends', 'colleagues', 'neighbors',
  'neighbours', 'veterans', 'students', 'parents', 'women', 'men', 'others', 'some', 'many', 'most', 'several', 'few', 'one',
  'pundits', 'commentators', 'respondents', 'participants', 'fans', 'workers', 'citizens', 'conservative', 'skeptics', 'everyone',
  'percent', 'user', 'users', 'protesters', 'demonstrators', 'contributors', 'members',
];

/** Titles and roles of one person: with a definite article or a name, a person. */
export const PERSON_NOUNS = [
  'president', 'candidate', 'nominee', 'senator', 'governor', 'mayor', 'secretary', 'minister', 'chairman', 'chairwoman', 'chair',
  'director', 'spokesman', 'spokeswoman', 'spokesperson', 'representative', 'congressman', 'congresswoman', 'leader', 'speaker',
  'chief', 'ceo', 'founder', 'manager', 'judge', 'justice', 'attorney', 'lawyer', 'prosecutor', 'sheriff', 'commissioner',
  'ambassador', 'general', 'officer', 'author', 'writer', 'columnist', 'reporter', 'correspondent', 'editor', 'host', 'anchor',
  'analyst', 'expert', 'professor', 'economist', 'pollster', 'strategist', 'historian', 'scientist', 'doctor', 'physician',
  'husband', 'wife', 'daughter', 'son', 'mother', 'father', 'man', 'woman', 'boy', 'girl', 'businessman', 'billionaire', 'mogul',
  'star', 'actor', 'actress', 'singer', 'rapper', 'comedian', 'activist', 'pastor', 'bishop', 'pope', 'king', 'queen', 'prince',
  'premier', 'chancellor', 'vice', 'veteran', 'mate', 'running', 'challenger', 'incumbent', 'rival', 'opponent', 'predecessor',
  'successor', 'partner', 'founder', 'owner', 'adviser', 'aide', 'official', 'friend',
];

/** Words of a title in front of a name (left out when matching name variants). */
export const TITLES = [
  'president', 'president-elect', 'vice', 'former', 'sen', 'sen.', 'senator', 'rep', 'rep.', 'gov', 'gov.', 'governor', 'mr', 'mr.',
  'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'secretary', 'gen', 'gen.', 'general', 'mayor', 'minister', 'prime', 'chairman',
  'speaker', 'leader', 'candidate', 'nominee', 'republican', 'democratic', 'democrat', 'presidential', 'u.s.', 'us', 'american',
  'venezuelan', 'russian', 'white', 'house', 'press', 'state', 'attorney', 'judge', 'justice', 'ambassador', 'the', 'lt', 'lt.',
  'col', 'col.', 'sgt', 'sgt.', 'rev', 'rev.', 'gop', 'spokesman', 'spokeswoman', 'spokesperson', 'campaign', 'manager', 'chief',
];

export const PERSON_PRONOUNS = ['he', 'she', 'him', 'her', 'his', 'himself', 'herself', 'i', 'me', 'my'];
export const OTHER_PRONOUNS = ['they', 'them', 'we', 'us', 'it', 'you', 'this', 'that', 'which', 'who', 'these', 'those', 'themselves', 'itself'];

/** Verbs (and phrases) that report speech or thought: they are the cue, not the source. */
export const CUE_WORDS = [
  'said', 'says', 'say', 'saying', 'stated', 'states', 'state', 'stating', 'reported', 'reports', 'reporting', 'claimed', 'claims',
  'claim', 'claiming', 'told', 'tells', 'tell', 'telling', 'wrote', 'writes', 'written', 'writing', 'announced', 'announces',
  'warned', 'warns', 'confirmed', 'confirms', 'expressed', 'expresses', 'noted', 'notes', 'insisted', 'insists', 'added', 'adds',
  'argued', 'argues', 'explained', 'explains', 'suggested', 'suggests', 'declared', 'declares', 'tweeted', 'tweets', 'asserted',
  'asserts', 'alleged', 'alleges', 'believed', 'believes', 'thought', 'thinks', 'condemned', 'condemns', 'accused', 'accuses',
  'denied', 'denies', 'admitted', 'admits', 'acknowledged', 'acknowledges', 'revealed', 'reveals', 'showed', 'shows', 'shown',
  'found', 'finds', 'learned', 'predicted', 'predicts', 'promised', 'promises', 'asked', 'asks', 'responded', 'replied', 'called',
  'calls', 'described', 'describes', 'mentioned', 'emphasized', 'emphasised', 'stressed', 'indicated', 'indicates', 'concluded',
  'proposed', 'urged', 'urges', 'demanded', 'criticized', 'criticised', 'maintained', 'contended', 'recalled', 'observed',
  'commented', 'remarked', 'agreed', 'conceded', 'boasted', 'complained', 'joked', 'quipped', 'understood', 'known', 'estimated',
  'according', 'reportedly', 'allegedly', 'supposedly', 'purportedly', 'apparently', 'pointed', 'speculated', 'questioned',
  'charged', 'countered', 'testified', 'disclosed', 'announcing', 'warning', 'adding', 'noting', 'arguing', 'explaining', 'hinted',
];

/** Past participles that are not -ed forms (for passive voice). */
export const IRREGULAR_PARTICIPLES = ['said', 'told', 'thought', 'known', 'understood', 'written', 'shown', 'held', 'heard', 'felt', 'found', 'seen', 'made', 'given', 'taken', 'spoken'];

/** Adverbs that report without naming anyone. */
export const HEARSAY_ADVERBS = ['reportedly', 'allegedly', 'supposedly', 'purportedly', 'rumoredly', 'apparently'];

/** Nouns for a part of a whole: "a small group of contributors" is the contributors. */
export const COLLECTIVES = ['group', 'groups', 'number', 'handful', 'majority', 'minority', 'half', 'third', 'quarter', 'dozens', 'hundreds', 'thousands', 'millions', 'crowd', 'crowds', 'couple', 'lot', 'lots', 'panel', 'pair', 'trio', 'coalition', 'bunch', 'series'];

/** The last word of many newspaper names ("The Charlotte Observer"). */
export const MASTHEAD_WORDS = ['times', 'post', 'herald', 'tribune', 'journal', 'gazette', 'news', 'chronicle', 'examiner', 'inquirer', 'observer', 'register', 'dispatch', 'bulletin', 'courier', 'globe', 'mirror', 'telegraph', 'standard', 'daily', 'magazine', 'today', 'star-ledger', 'sun-times', 'picayune', 'enquirer', 'beacon', 'ledger', 'sentinel', 'press-herald', 'democrat-gazette'];

/** Nouns of the press's own people: "a reporter for USA Today" is the outlet. */
export const JOURNALIST_NOUNS = ['reporter', 'reporters', 'correspondent', 'correspondents', 'columnist', 'editor', 'editors', 'anchor', 'host', 'journalist', 'journalists', 'writer', 'staff'];
