/**
 * The scenarios the fidelity suite places: each a short plain-language description, the
 * expected verdict a practitioner would give, and its source. Each project file in plans/
 * was written from the description alone, by someone who had read only the README and
 * the project-file schema, recording only what the description states.
 */

import type { Expectation } from './expectation.js';

export interface Scenario {
  id: string;
  description: string;
  expect: Expectation;
  source: string;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: "hart-placards",
    description: "A city council runs a rally to promote its new housing plan. Primary school children are brought along by their teachers to carry banners with slogans the council's communications team wrote. The children did not know what the plan was about. The council's press release afterwards said \"local children demand the new housing plan\".",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: children carrying placards whose message they do not understand, presented as their own",
  },
  {
    id: "hart-consulted-no-feedback",
    description: "A housing association sends a survey to its tenants about changes to its rent policy. Tenants understood what the survey was about and many wrote long answers in their own words. The association's board decided the new policy. Tenants were never told what happened to their answers or what was decided because of them.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: \"consulted but given no feedback at all\" is manipulation",
  },
  {
    id: "hart-launch-audience",
    description: "A children's charity invites families from its services to sit in the audience at the launch of its new fundraising campaign. They are there to fill the room and appear in the photographs. They are not asked what they think and do not really know what the campaign is for. The charity does not claim the campaign is the families' idea.",
    expect: { rung: 2, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 2: decoration, present to bolster a cause without understanding it, not claimed as theirs",
  },
  {
    id: "hart-annual-report-photos",
    description: "A food bank photographs people who use it for its annual report. The people agreed to be photographed and knew the photos were for the report. They had no say in the report or anything else. The report does not say the people wrote it or that it speaks for them.",
    expect: { rung: 2, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 2: decoration",
  },
  {
    id: "hart-scripted-panel",
    description: "A regional youth conference puts one young person on the closing panel. The organisers give her a script the day before, with the points they want made. She understood it was a panel about youth services and agreed to do it. Afterwards the organisers thanked her and told her how the conference went. The organisers decided everything.",
    // The file records a set say and that she was told how it went, but not whether anything she said was acted
    // on: a set say acted on and reported back is consultation, so that is the one question to ask.
    expect: { rung: 3, verdict: 'not_enough_evidence', ceilingAtMost: 5, firstQuestion: 'views_acted_on' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 3: a young person on a panel with little choice of subject or style, and little chance to form her own view; rung 5: consulted, taken seriously and told the outcome",
  },
  {
    id: "hart-one-seat-of-fourteen",
    description: "A health trust's strategy board has fourteen members. One seat is for a patient representative, who has lived with the condition the strategy is about. He gets the board papers the night before meetings and cannot put items on the agenda. Decisions are taken by majority vote. He understood the role and chose to take it.",
    expect: { rung: 3, verdict: 'placed', findings: ['non-participation', 'token-seats'] },
    source: "Boing Boing Foundation (n.d.), the Ladder of Community Participation; Arnstein (1969), A Ladder of Citizen Participation, placation: a lone member who can be outvoted, without briefing or a say on the agenda",
  },
  {
    id: "hart-young-reporters",
    description: "A council asks young people from local youth clubs to be the reporters at its annual youth conference. They are told clearly what the conference is for and who makes the decisions, and they volunteer for the role. Their job is to interview speakers and write up the day for the council's website. They are not asked for their views on council decisions.",
    expect: { rung: 4, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 4, assigned but informed: children as reporters at a conference",
  },
  {
    id: "hart-event-guides",
    description: "A museum recruits volunteers who have been homeless to guide visitors round its exhibition about homelessness. The museum explained what the exhibition is for and who decided its content, and the volunteers signed up after hearing that. Guiding is a real job: they plan their own tours. The museum's curators made all the decisions about the exhibition.",
    expect: { rung: 4 },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 4: a real, understood, freely chosen role; whether any view was asked is not said, so rung 5 stays open",
  },
  {
    id: "hart-park-consultation",
    description: "A council consults residents about redesigning a local park. It holds three workshops, explaining what the redesign is for and who will decide. Residents who come chose to, and put forward their own ideas in their own way. Several of their ideas are adopted. The council writes to everyone who took part explaining what changed because of what they said and why some ideas were not taken up. The council makes the final decision.",
    expect: { rung: 5, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5, consulted and informed",
  },
  {
    id: "hart-service-survey-reported",
    description: "A homelessness charity asks the people who use its hostels what they think of the service, in conversations led by staff. People understood what the conversations were for and took part if they wanted to. They said what they thought in their own words. Some of what they said was acted on: visiting hours changed. The charity put up a poster in each hostel saying what had changed and why. Staff decided what to change.",
    expect: { rung: 5, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5, consulted and informed",
  },
  {
    id: "hart-cocommissioning-panel",
    description: "A foundation brings together four people in low-paid work and four of its staff to choose which organisation will deliver a new research project. The foundation started the project. The eight of them marked the bids together and each had an equal say in the decision. The four people with lived experience understood the process and chose to join.",
    expect: { rung: 6, verdict: 'placed' },
    source: "Campbell (JRF, n.d.): co-commissioning with an equal say; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6",
  },
  {
    id: "hart-codesign-service",
    description: "An NHS trust sets up a group of patients who have used its mental health services and staff to design a new crisis service. The trust started it. The group meets monthly and makes the design decisions jointly, patients and staff with equal votes. Patients took part by choice and understood what the group was for.",
    expect: { rung: 6, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6, adult-initiated, shared decisions",
  },
  {
    id: "hart-tenants-damp-campaign",
    description: "Tenants on an estate start their own campaign to get damp flats repaired. They decide what to do and run it themselves. A local housing charity supports them with a meeting room and printing, but the tenants make the decisions.",
    expect: { rung: 7, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 7, child-initiated and directed, read for communities",
  },
  {
    id: "hart-parent-peer-group",
    description: "Parents of disabled children set up their own peer support group and run it. They decide when it meets and what it does. The council gives the group a small grant and otherwise leaves it to them.",
    expect: { rung: 7, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 7",
  },
  {
    id: "hart-community-food-steering",
    description: "Residents start a community food project in their neighbourhood. After a year they invite the council to join a steering group, where residents and council officers share the decisions with an equal number of seats.",
    expect: { rung: 8, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 8, child-initiated, shared decisions with adults",
  },
  {
    id: "hart-families-savings",
    description: "Families in a low-income neighbourhood form their own groups to set savings goals, an idea the families came up with. They choose to share decisions with the organisation that matches their savings, agreeing together how the matched money is used.",
    expect: { rung: 8, verdict: 'placed' },
    source: "Mansour (2012) on the Family Independence Initiative; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 8",
  },
  {
    id: "arnstein-rubber-stamp",
    description: "A city sets up a residents' advisory committee for a regeneration scheme. Officials spend the meetings explaining the plan to residents and asking them to sign off the minutes. Residents do not really understand the scheme. The city's publicity says the scheme was \"endorsed by residents\".",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation'] },
    source: "Arnstein (1969), A Ladder of Citizen Participation: manipulation, residents placed on rubber-stamp advisory committees",
  },
  {
    id: "arnstein-informing",
    description: "A council holds a public meeting to tell residents about a bus route change that has already been decided. Residents understand what is being changed. There is no time for questions or comments. The council does not present the change as residents' idea.",
    expect: { rung: 2, ceilingAtMost: 4, firstQuestion: 'meaningful_role', findings: ['not-enough-evidence'] },
    source: "Arnstein (1969), A Ladder of Citizen Participation: informing, one-way flow of information with no channel for feedback; under the adapted ladder it is decoration unless people had a real role, which the scenario does not say",
  },
  {
    id: "arnstein-placation",
    description: "A regeneration board has fifteen members, three of them residents chosen by the council. The residents are not briefed before meetings and cannot add items to the agenda. They can be outvoted on everything. They understood their role and chose to take part.",
    expect: { rung: 3, verdict: 'placed', findings: ['non-participation', 'token-seats'] },
    source: "Arnstein (1969), A Ladder of Citizen Participation: placation, a few hand-picked residents on a board who can be outvoted",
  },
  {
    id: "arnstein-partnership",
    description: "A neighbourhood partnership board has twelve seats, six for residents and six for the council. Neither side can outvote the other. Decisions are made jointly. The council set up the board. Residents chose to join and understood what the board is for.",
    expect: { rung: 6, verdict: 'placed' },
    source: "Arnstein (1969), A Ladder of Citizen Participation: partnership, a joint board where neither side can outvote the other",
  },
  {
    id: "arnstein-delegated-power",
    description: "A city sets up a neighbourhood fund and hands the decisions about spending it to a residents' panel, who hold nine of its eleven seats and cannot be outvoted. The residents understood the role and volunteered. The city started the fund.",
    expect: { rung: 6, verdict: 'placed' },
    source: "Arnstein (1969), A Ladder of Citizen Participation: delegated power, a majority of seats; organisation-initiated, so rung 6 on the adapted ladder",
  },
  {
    id: "seed-peer-evaluators",
    description: "A charity recruits five people who have used its services as paid peer evaluators. They understand the role and chose to take it on. They shape the interview questions, interview other service users, and give their own findings. The charity's insight team decides what goes into the final evaluation report; some of the peer evaluators' findings change the service, and the evaluators are told which.",
    expect: { rung: 5, verdict: 'placed' },
    source: "Meadows and Bain-Burnett (2022): peer evaluators who work with the insight team",
  },
  {
    id: "seed-food-bank-board",
    description: "A food bank network has twelve trustees, two of whom have used food banks. A staff buddy goes through the board papers with them, though the papers arrive late. Only the chair and chief executive set the agenda. The two trustees were outvoted on the budget for the lived-experience panel. They understood the role, chose it and give their views, but only on items already on the agenda. The charity describes this as \"lived experience at the top table\" and says it is shared decision-making.",
    expect: { rung: 3, verdict: 'placed', findings: ['non-participation', 'token-seats', 'co-production-in-name-only'] },
    source: "Meadows and Bain-Burnett (2022): lived-experience leaders on the board; Arnstein (1969), A Ladder of Citizen Participation, placation",
  },
  {
    id: "seed-benefit-conditions",
    description: "Lone parents on benefits must attend weekly job-search workshops run by an employment provider, or their benefits are sanctioned. The provider designs and runs the workshops. Parents know what the workshops are for. They can ask questions, but the content is fixed and they have no say in it.",
    expect: { rung: 3, ceilingAtMost: 3, findings: ['non-participation', 'no-free-choice'] },
    source: "Pearson and Lindsay (2015): choice and control, against being \"constantly pressured\" by the Jobcentre; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 4 needs people to volunteer",
  },
  {
    id: "seed-families-paid-data",
    description: "An organisation set up a programme in which families record their own income, savings and goals each month and are paid for doing it. The families run their own monthly groups and decide what the groups do; the organisation does not step in. The families understood the programme and chose to join.",
    expect: { activity: /group/i, rung: 6 },
    source: "Mansour (2012): families in control of their own groups, paid for their data, in a programme the organisation set up",
  },
  {
    id: "seed-open-policy-crowdsource",
    description: "A government department invites the public, especially people who use its services, to describe the problems with a benefit in their own words on an open website. People understood what it was for and took part if they wanted to. The department published what it received and wrote back to everyone explaining which problems it would work on and why. The department decided.",
    expect: { rung: 5, verdict: 'placed' },
    source: "Guerilla Policy (c. 2012): the public defining problems, not only commenting on solutions; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5",
  },
  {
    id: "seed-participatory-grants",
    description: "A charity sets up a fund and hands the decisions about which community groups get grants to a panel of people with lived experience of poverty. Staff sit on the panel but have no vote. Panel members understood the role and chose to join.",
    expect: { rung: 6, verdict: 'placed' },
    source: "Meadows and Bain-Burnett (2022): participatory grant making; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6",
  },
  {
    id: "seed-codesign-partners",
    description: "A charity redesigns its online grants search tool with twelve co-production partners who have lived experience of financial hardship. They meet monthly and make the redesign decisions jointly with the charity's staff. The charity started the project. The partners are paid, chose to take part, and understood the aim.",
    expect: { rung: 6, verdict: 'placed' },
    source: "Meadows and Bain-Burnett (2022): monthly meetings redesigning the grants search tool with co-production partners",
  },
  {
    id: "staff-only-agenda",
    description: "A council's strategy team, all council officers with no lived experience of poverty, decide the priorities for a new anti-poverty strategy. Later, residents who have lived in poverty are consulted in workshops on how to deliver those priorities: they understood the workshops, chose to come, gave their own views, some of their ideas were used, and they were told what changed. The council made the decisions.",
    expect: { activity: /priorit/i, verdict: 'no_community', also: { activity: /workshop/i, rung: 5 }, findings: ['agenda-set-without-community'] },
    source: "Sherwood (c. 2012): people \"involved to comment (at best) on an already defined agenda rather than \u2026 setting the agenda\"",
  },
  {
    id: "staff-only-design",
    description: "A charity's staff design a new advice service in an internal workshop. No one who uses the charity's services, or has lived experience of the problems the service deals with, takes part.",
    expect: { verdict: 'no_community', findings: ['lived-experience-missing', 'agenda-set-without-community'], noScore: true },
    source: "No community, no rung: nobody with lived experience takes part",
  },
  {
    id: "survey-never-reported",
    description: "A council runs an online consultation on its budget with multiple-choice questions only. Residents can only pick from the options given. The results are never published and residents hear nothing more. The council decides the budget.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: consulted with no feedback at all",
  },
  {
    id: "tenants-views-ignored",
    description: "A landlord holds meetings with tenants about a new repairs policy. Tenants understand what the meetings are for and say what they think. The landlord's managers decide the policy and do not act on anything the tenants said, and tell them so.",
    expect: { rung: 3, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 3: apparently given a voice that goes nowhere; at rung 5 \"their opinions are treated seriously\"",
  },
  {
    id: "lone-service-user-steering",
    description: "A hospital's steering group for a new ward has ten members, one of them a former patient. She is not briefed before meetings and cannot add items to the agenda.",
    expect: { rung: 3, findings: ['non-participation', 'token-seats'] },
    source: "Arnstein (1969), A Ladder of Citizen Participation, placation; a lone member who can be outvoted, without briefing or a say on the agenda, is tokenism however senior the board",
  },
  {
    id: "briefed-minority-panel",
    description: "A housing association's service panel has nine seats, two held by tenants. The tenants are briefed before each meeting and can add items to the agenda, but decisions are by majority vote. The tenants understood the role, chose it, and give their own views. Their views are minuted, some are adopted, and the chair writes to them afterwards with what was decided.",
    expect: { rung: 5, verdict: 'placed', notFindings: ['token-seats'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5: a briefed minority who shape the agenda, consulted and informed, but outvotable, so not shared decisions",
  },
  {
    id: "community-manifesto",
    description: "A charity writes a \"community manifesto\" itself and publishes it with photographs of local residents and the headline \"Residents demand change\". The residents were only photographed; they had no part in writing it and were not told what it would say.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: the organisation's message presented as the community's own",
  },
  {
    id: "resident-led-exhibition",
    description: "A council describes its regeneration plan as \"resident-led\". Consultants wrote the plan. Residents were invited to one exhibition, where they could leave comment cards, but nobody heard what happened to the cards. The council decided the plan.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation', 'co-production-in-name-only', 'no-feedback-loop'] },
    source: "Guerilla Policy (c. 2012): \"it would be tragic if open policy becomes the new consultation\"; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1",
  },
  {
    id: "thin-focus-groups",
    description: "A charity held focus groups with service users about its new website. It changed the design because of what they said.",
    expect: { verdict: 'not_enough_evidence', firstQuestion: 'feedback', ceilingAtLeast: 5, findings: ['not-enough-evidence'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5 needs people told what became of their views; with no feedback at all it is manipulation: a practitioner would ask whether they heard back",
  },
  {
    id: "thin-community-campaign",
    description: "A community group started a campaign against the closure of the local library and runs it themselves. We gave them a meeting room.",
    expect: { rung: 7, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 7: started and run by the community",
  },
  {
    id: "thin-estate-board",
    description: "On the estate board, residents and council officers make decisions together.",
    expect: { rung: 6, verdict: 'at_least', firstQuestion: 'started_by' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rungs 6 and 8: shared decisions; who started it decides which",
  },
  {
    id: "thin-workshop-unknown",
    description: "We ran a workshop with local people about the future of the high street.",
    expect: { verdict: 'not_enough_evidence', findings: ['not-enough-evidence'] },
    source: "Too little is said to place it: a practitioner would ask what people did there and who decided",
  },
  {
    id: "codesign-in-name-only",
    description: "A council describes its new play strategy as \"co-designed with families\". Families were shown three options the council had drawn up, understood what they were for, chose to come and said which they preferred. The council decided, chose a different option in part because of what families said, and wrote to them explaining the decision.",
    expect: { rung: 5, verdict: 'placed', findings: ['co-production-in-name-only'] },
    source: "Guerilla Policy (c. 2012) on consultation in disguise: it is consultation, called co-design; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5: designed and run by adults, opinions treated seriously, and told the outcome, even on options the council drew up",
  },
  {
    id: "lundy-youth-advisory",
    description: "A council's youth advisory group is given time and information to form views on the youth service budget, in sessions young people chose to attend. They present their views to the councillors who decide the budget. Some of their proposals are adopted, and the councillors come back to explain what was done with each proposal and why. The councillors make the decision.",
    expect: { rung: 5, verdict: 'placed' },
    source: "Lundy (2007): space, voice, audience and influence; Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5",
  },
  {
    id: "school-council-shared",
    description: "Teachers propose a project to improve the school playground and set up a group of pupils and staff to run it. Pupils and staff decide everything together with equal say. Pupils volunteered and understood what the group was for.",
    expect: { rung: 6, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6: adult-initiated, shared decisions with children",
  },
  {
    id: "mandatory-volunteering",
    description: "A job centre requires young unemployed people to volunteer at a community event as part of their claim. They help set up and run the event. They are not asked what they think.",
    expect: { ceilingAtMost: 3, findings: ['non-participation', 'no-free-choice'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 4 needs people to volunteer; Pearson and Lindsay (2015) on obligation",
  },
  {
    id: "peer-led-training-org-started",
    description: "A charity started a training programme for its staff and asked people with lived experience of homelessness to design and deliver the training. The trainers with lived experience decide what the training covers. They understood the programme and chose to do it. The charity describes it as \"peer-led training\".",
    expect: { rung: 6, verdict: 'placed', findings: ['claim-exceeds-evidence'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rungs 6 and 7: \"peer-led\" claims work the community starts and directs; the charity started it",
  },
  {
    id: "tenants-playground",
    description: "The tenants' association on the Marsh Lane estate decided the estate needed a safe playground. The tenants raised the money themselves and designed it with a landscape architect they hired. They invited the council to advise on safety rules; the council gave advice, but the tenants made every decision. About 20 tenants, all living on the estate with their children, took part.",
    expect: { rung: 7, verdict: 'placed', activity: /design/, notFindings: ['non-participation', 'token-seats'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 7: initiated and directed by the community, with adults (here the council) in a supporting role",
  },
  {
    id: "appointments-letter",
    description: "A hospital invited patients who had missed appointments to a one-off focus group about the new appointments letter. Before they agreed to come, patients were told what the group was for and that the hospital would make the final decision. They chose to come, were paid £25 and had their bus fares covered, and said what they thought in their own words. The hospital changed two things in the letter and wrote to everyone saying what had changed and why.",
    expect: { rung: 5, verdict: 'placed', notFindings: ['non-participation', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5: consulted and informed; Lundy (2007), audience and influence",
  },
  {
    id: "youth-board-publicity",
    description: "Three young people from the youth council sit on a fifteen-member regeneration board. They can be outvoted, get the papers the night before meetings, and cannot add items to the agenda. The council's publicity for the regeneration plan says 'young people shaped this plan'. The young people live in the area being regenerated.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation', 'token-seats'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: a token minority's presence presented as their own shaping of the plan; Arnstein (1969), A Ladder of Citizen Participation, placation",
  },
  {
    id: "workshops-reported-back",
    description: "A city council ran three evening workshops with residents of the Millbrook estate about plans to redesign the estate's green spaces. Residents knew the workshops were to gather their ideas before the council's parks team drew up the final design. Residents put forward their own ideas in small groups. After the design was finished, the council sent every participant a letter showing which ideas were used, which were not, and why. The parks team made the final design decisions.",
    expect: { rung: 5, verdict: 'placed', notFindings: ['non-participation', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5: consulted and informed, the organisation deciding",
  },
  {
    id: "co-chaired-steering-group",
    description: "A health board set up a steering group to redesign its diabetes education service. Half the members are people living with diabetes, who are paid for their time, and the group is co-chaired by a person with diabetes and a senior nurse. The health board started the project. The steering group makes the decisions about the new service together, by consensus; the health board has agreed to implement what the group decides.",
    expect: { rung: 6, verdict: 'placed', notFindings: ['non-participation', 'token-seats'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6: adult-initiated, shared decisions",
  },
  {
    id: "tenants-campaign",
    description: "A group of tenants in a private block of flats started a campaign about dangerous cladding. They organised meetings, wrote to their MP, and ran the campaign themselves. A local housing charity gave them a meeting room and printing when they asked for it, but the tenants decided everything.",
    expect: { rung: 7, verdict: 'placed', notFindings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 7: child-initiated and directed, the organisation supporting on request",
  },
  {
    id: "community-invites-council",
    description: "Parents at a primary school noticed there was no safe crossing near the school. They started a project to get one, and invited the council's road safety team to work with them. Parents and council officers decide together on the design and where it goes, at joint meetings the parents chair.",
    expect: { activity: /joint|meeting/, rung: 8, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 8: child-initiated, shared decisions with adults",
  },
  {
    id: "conference-speaker",
    description: "A homelessness charity asked a man who had slept rough to speak at its annual conference about his experience. The charity's communications team rewrote his speech to fit its key messages. He was not told why the changes were made.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rungs 1 and 3: words rewritten to carry the organisation's message, with no word of why",
  },
  {
    id: "participatory-budgeting",
    description: "A town council set aside £50,000 for community projects. Council officers wrote the rules and shortlisted twelve project ideas. Residents then voted, and the council funded the projects that residents chose, exactly as voted.",
    expect: { activity: /vote/, rung: 6, verdict: 'placed', notFindings: ['facts-disagree'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6: the organisation sets the terms, the community makes the decision; a vote between options is a decision, not a contradiction of having a view",
  },
  {
    id: "staff-planning-day",
    description: "A council's adult social care team held a planning day to decide the priorities for next year's work. Only council staff attended.",
    expect: { verdict: 'no_community', findings: ['lived-experience-missing', 'agenda-set-without-community'], noScore: true },
    source: "Sherwood (c. 2012): people involved \"to comment … on an already defined agenda rather than … setting the agenda\"; no community, no rung",
  },
  {
    id: "lived-experience-led-label",
    description: "A charity describes its new employment programme as \"lived-experience-led\". Charity staff designed the programme and make all the decisions about it. A panel of former programme users was shown the finished design and asked if they had any comments. They did not hear back about their comments.",
    expect: { activity: /panel|comment/, rung: 1, verdict: 'placed', findings: ['non-participation', 'co-production-in-name-only', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: consulted and given no feedback at all, under a label that claims the community leads",
  },
  {
    id: "youth-council-vote",
    description: "A youth council of elected young people is asked by the city mayor's office to choose which of three youth-centre designs gets built. The mayor's office prepared the three designs. The young people understood the choice and what would happen; they debated and voted, and the design they chose was built. They were told the outcome.",
    expect: { rung: 6, verdict: 'placed', notFindings: ['facts-disagree', 'non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6: adult-initiated, shared decisions, choosing between designs the adults prepared",
  },
  {
    id: "photographs-as-voice",
    description: "A housing association's annual report features photographs and quotes of tenants under the headline \"Our tenants shaped this year's plans\". The quotes were chosen by the communications team from a satisfaction survey. Tenants had no part in making the plans.",
    expect: { activity: /plan/, rung: 1, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: people's words used to carry the organisation's message as if it came from them",
  },
  {
    id: "advisory-group-no-follow-up",
    description: "A police force runs a community advisory group of residents from neighbourhoods with high rates of stop and search. The group meets every quarter; members understand its purpose, and speak freely about what they have seen. Senior officers take notes. The group has asked several times what has happened to its recommendations and has never been told.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: \"consulted but given no feedback at all\"",
  },
  {
    id: "carers-survey-reported",
    description: "A council's carers' service sent a questionnaire to unpaid carers asking which of five respite options they would use most. 400 carers replied. The council funded the two most popular options and published a short \"You said, we did\" leaflet that went to every carer on its list.",
    expect: { rung: 5, verdict: 'placed', notFindings: ['non-participation', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5: consulted on options the organisation set, acted on, and told the outcome (\"You said, we did\")",
  },
  {
    id: "gala-day-children",
    description: "A regeneration company invited children from the local school to its gala day to wear T-shirts printed with the new development's logo and hand out leaflets. The children enjoyed the day but had no idea what the development was. The company did not say the children supported it.",
    expect: { rung: 2, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 2: decoration, present to bolster a cause they do not understand, not claimed as theirs",
  },
  {
    id: "youth-researchers-assigned",
    description: "A youth charity recruited eight young people to interview other young people about mental health services. The charity explained the purpose of the research and how the findings would be used before anyone signed up, and those who wanted to took part. The charity's research team designed the study, analysed the results and wrote the report.",
    expect: { rung: 4, verdict: 'at_least', notFindings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 4: assigned but informed, a real role people understood and volunteered for",
  },
  {
    id: "residents-association-garden",
    description: "Residents on a housing estate set up their own association and decided to turn a derelict plot into a community garden. They planned it, raised the money and run it. The housing association that owns the land gave permission.",
    expect: { rung: 7, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 7: initiated and directed by the community",
  },
  {
    id: "codesign-workshop-real",
    description: "A charity ran a series of co-design workshops with young people who use its services to design a new app. Young people and staff designers worked side by side, and decisions about what went into the app were taken jointly, with young people having an equal say. The charity started the project. The young people were paid for their time.",
    expect: { rung: 6, verdict: 'placed', notFindings: ['co-production-in-name-only'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 6: adult-initiated, shared decisions with an equal say",
  },
  {
    id: "mandatory-feedback-group",
    description: "Residents of a care home are required by the home to attend a monthly \"residents' voice\" meeting. Staff set the agenda and take notes. Nothing changes as a result and residents are not told why.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation', 'no-free-choice', 'no-feedback-loop'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: \"consulted but given no feedback at all\"; rung 4: people volunteer",
  },
  {
    id: "peer-support-group-community",
    description: "A group of parents of autistic children started a peer support group. They run it themselves, decide what it does, and meet in a room the local council lets them use for free.",
    expect: { rung: 7, verdict: 'placed' },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 7: initiated and directed by the community, the council supporting",
  },
  {
    id: "expert-panel-paid-advice",
    description: "A government department pays a panel of people who have claimed Universal Credit to advise on new letters. Panel members understand what the panel is for, choose to join, and say what they think in their own words at each meeting. The department decides what the letters say. After each round the department shows the panel the finished letters and explains which suggestions were used and why others were not.",
    expect: { rung: 5, verdict: 'placed', notFindings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 5: consulted and informed, the department deciding",
  },
  {
    id: "photo-campaign-presented",
    description: "A charity ran a social media campaign with photos of young carers captioned \"We are calling on the government to act\", written by the charity's campaigns team. The young carers were not asked what they wanted to say.",
    expect: { rung: 1, verdict: 'placed', findings: ['non-participation'] },
    source: "Hart (1992), Children's Participation: From Tokenism to Citizenship, rung 1: words put in people's mouths, presented as their own",
  },
  {
    id: "community-led-in-name",
    description: "A council's \"community-led\" regeneration plan was written by council planners. Residents were invited to a drop-in exhibition of the finished plan and asked to leave comments on sticky notes.",
    expect: { ceilingAtMost: 5, findings: ['co-production-in-name-only'], notFindings: ['non-participation'] },
    source: "Guerilla Policy (c. 2012): consultation in disguise; comments on a finished plan cannot be community-led, and without knowing what became of them a practitioner would not yet call it non-participation",
  },
  {
    id: "patient-rep-thin",
    description: "A hospital trust has one patient representative on its quality committee.",
    expect: { rung: 3, verdict: 'not_enough_evidence', ceilingAtMost: 5, firstQuestion: 'seats.briefed, seats.shape_agenda' },
    source: "Arnstein (1969), A Ladder of Citizen Participation, placation; \"a lone or minority member who can always be outvoted, without briefing or a say over the agenda, is tokenism\": a lone representative cannot share decisions, and whether they are briefed and can shape the agenda tells tokenism from consultation",
  },
  {
    id: "board-seats-thin",
    description: "A regional arts funder has two places for people from marginalised communities on its 10-member grants board. Board decisions are by majority vote.",
    expect: { rung: 3, verdict: 'not_enough_evidence', ceilingAtMost: 5, firstQuestion: 'seats.briefed, seats.shape_agenda' },
    source: "Arnstein (1969), A Ladder of Citizen Participation, placation: two of ten seats decided by majority vote can always be outvoted; briefing and the agenda tell tokenism from consultation",
  },
];
