// Every page of Samspil that the browser run visits: screenshots at 1280 and 360 px, axe
// WCAG 2.1 A/AA with zero violations allowed, no CSP violations, with and without JS.
// Append your pages here: { path, role, name }.
//   role: 'anonymous' or a demo role from login.js ('administrator', 'leader', 'teacher',
//         'educator', 'psychologist', 'ppr_lead', 'health_visitor', 'social_worker', 'guardian')
//   name: file-name-safe, unique; screenshots are <name>-<width>.png (<name>-nojs-<width>.png
//         without JavaScript)
//   status (optional): the expected HTTP status, 200 by default
module.exports = [
  // The shell
  { path: '/', role: 'anonymous', name: 'forside' },
  { path: '/tilgaengelighed', role: 'anonymous', name: 'tilgaengelighed' },
  { path: '/', role: 'leader', name: 'mit-overblik-leder' },
  { path: '/', role: 'administrator', name: 'mit-overblik-administrator' },
  { path: '/tilgaengelighed', role: 'guardian', name: 'tilgaengelighed-foraelder' },
  // Log-in and password reset
  { path: '/log-ind', role: 'anonymous', name: 'log-ind' },
  { path: '/glemt-adgangskode', role: 'anonymous', name: 'glemt-adgangskode' },
  // Cases
  { path: '/sager', role: 'leader', name: 'sager-leder' },
  { path: '/sager/ny', role: 'leader', name: 'sag-ny' },
  { path: '/sager?tilstand=kv&q=tr', role: 'ppr_lead', name: 'sager-filtre' },
  { path: '/admin/indstillinger', role: 'administrator', name: 'admin-indstillinger' },
  // Parent portal
  { path: '/foraeldre', role: 'guardian', name: 'foraeldre' },
  { path: '/foraeldre/boern/demo-child-oliver/samtykke', role: 'guardian', name: 'foraeldre-samtykke' },
  { path: '/foraeldre/adgangslog', role: 'guardian', name: 'foraeldre-adgangslog' },
];
// Administration and the user's own profile
module.exports.push(
  { path: '/min-profil', role: 'leader', name: 'min-profil' },
  { path: '/min-profil/kalender', role: 'leader', name: 'min-profil-kalender' },
  { path: '/moeder/svar/ugyldigt-link', role: 'anonymous', name: 'moede-svar-ugyldigt', status: 404 },
  { path: '/moeder/dato/ugyldigt-link', role: 'anonymous', name: 'moede-dato-ugyldigt', status: 404 },
  { path: '/admin', role: 'administrator', name: 'admin' },
  { path: '/admin/enheder', role: 'administrator', name: 'admin-enheder' },
  { path: '/admin/brugere', role: 'administrator', name: 'admin-brugere' },
  { path: '/admin/brugere/ny', role: 'administrator', name: 'admin-bruger-ny' },
  { path: '/admin/foraeldre', role: 'administrator', name: 'admin-foraeldre' },
  { path: '/admin/tokens', role: 'administrator', name: 'admin-tokens' },
  { path: '/admin/brugere/demo-user-3', role: 'administrator', name: 'admin-bruger-rediger' },
  // An unknown address: the Danish 404 page
  { path: '/findes-ikke', role: 'anonymous', name: 'ikke-fundet', status: 404 },
);
// Triage at the PPR district meeting (the demo's case pages need a fixed demo case id first)
module.exports.push(
  { path: '/ppr/visitation', role: 'ppr_lead', name: 'ppr-visitation' },
);
// "Mit overblik" for a teacher (meetings, obligations, tasks, cases) next to the leader's
// (with the unit's compliance) and the parents' page with invitations.
module.exports.push(
  { path: '/', role: 'teacher', name: 'mit-overblik-laerer' },
);
// A case of the demo population in the leader's daycare, in the state where meetings may be
// convened (distrikt), with its timeline, request form, closing page and the convene form;
// a request waiting in the PPR district's queue for the district lead's decision form.
module.exports.push(
  { path: '/sager/demo-case-033', role: 'leader', name: 'sag-leder' },
  { path: '/sager/demo-case-033/tidslinje', role: 'leader', name: 'sag-tidslinje' },
  { path: '/sager/demo-case-033/anmodning', role: 'leader', name: 'sag-anmodning' },
  { path: '/sager/demo-case-033/luk', role: 'leader', name: 'sag-luk' },
  { path: '/sager/demo-case-033/samtykke/papir', role: 'leader', name: 'sag-samtykke-papir' },
  { path: '/sager/demo-case-033/moeder/ny', role: 'leader', name: 'sag-moede-ny' },
  { path: '/ppr/visitation/demo-case-011', role: 'ppr_lead', name: 'ppr-visitation-afgoerelse' },
);
// The demo meetings (app/demo/demo_meetings.cpp) on Emma's case (demo-case-emma): the held
// start-up meeting with its confirmed agreement ({held}) and the follow-up meeting the parent
// has not answered yet ({next}). Their ids are random: pages.spec.js finds them in the links
// of the case page (see MEETINGS there). The meeting page, agenda, brief, meeting mode (being
// written and confirmed), move and cancel, the parent's meeting page (with its
// accept/decline form) and perspective page, the convene form's two steps. Not listed: the
// evaluation page, which answers 409 here (ppr-vejen-ind's follow-up has no evaluation questions).
module.exports.push(
  { path: '/sager/demo-case-emma', role: 'psychologist', name: 'sag-moeder' },
  { path: '/', role: 'psychologist', name: 'mit-overblik-psykolog' },
  { path: '/moeder/{next}', role: 'leader', name: 'moede' },
  { path: '/moeder/{next}/dagsorden', role: 'psychologist', name: 'moede-dagsorden' },
  { path: '/moeder/{next}/oplaeg', role: 'psychologist', name: 'moede-oplaeg' },
  { path: '/moeder/{next}/afvikling', role: 'psychologist', name: 'moede-afvikling' },
  { path: '/moeder/{next}/afvikling', role: 'leader', name: 'moede-afvikling-deltager' },
  { path: '/moeder/{held}/afvikling', role: 'leader', name: 'moede-aftale-bekraeftet' },
  { path: '/moeder/{next}/flyt', role: 'psychologist', name: 'moede-flyt' },
  { path: '/moeder/{next}/aflys', role: 'psychologist', name: 'moede-aflys' },
  { path: '/sager/demo-case-emma/moeder/ny', role: 'psychologist', name: 'moede-indkald-type' },
  { path: '/sager/demo-case-emma/moeder/ny?type=opfoelgende_moede', role: 'psychologist', name: 'moede-indkald-tid' },
  { path: '/foraeldre/moeder/{next}', role: 'guardian', name: 'foraeldre-moede' },
  { path: '/foraeldre/moeder/{next}/perspektiv', role: 'guardian', name: 'foraeldre-moede-perspektiv' },
  { path: '/foraeldre/moeder/{held}', role: 'guardian', name: 'foraeldre-moede-holdt' },
);
