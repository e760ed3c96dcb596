// The closed vocabularies the filters offer (CAMEO roots, PLOVER event
// types, dyad's modalities, quad classes). They mirror data/events/ and
// src/coder/event_json.cpp; the API accepts the codes as given here.

export const CAMEO_ROOTS: [string, string][] = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
  ['04', 'Consult'], ['05', 'Engage in diplomatic cooperation'], ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'], ['08', 'Yield'], ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'],
  ['12', 'Reject'], ['13', 'Threaten'], ['14', 'Protest'], ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

export const MODALITIES = [
  'asserted', 'reported', 'alleged', 'denied', 'negated', 'conditional', 'future', 'hypothetical',
];

export const QUADS = [
  { name: 'Verbal cooperation', colour: '#2f7fc1' },
  { name: 'Material cooperation', colour: '#33a36b' },
  { name: 'Verbal conflict', colour: '#e0a100' },
  { name: 'Material conflict', colour: '#d0433a' },
];
