/**
 * The nine co-production principles of Boing Boing Foundation (n.d.) ("Our co-production for
 * change principles"), each with the checks that judge it from a project file.
 */
import { yes } from './context.js';
import * as evidence from './evidence.js';
import { any, type Standard } from './judgement.js';

export const PRINCIPLES: readonly Standard[] = [
  {
    id: 'lived-experience-is-expertise',
    name: 'Lived experience is expertise',
    description: 'People with lived experience are in positions of decision-making and influence; the team includes them; building their skills and confidence is part of the project.',
    source: 'Boing Boing Foundation (n.d.), principle 1',
    howJudged: 'Met when people with lived experience are in the team, share decisions in at least one activity, and capacity building is part of the project.',
    checks: (c) => [
      { holds: yes(c.project.practice.lived_experience_in_team), text: 'People with lived experience are in, or lead, the team.' },
      { holds: evidence.sharedDecisionsSomewhere(c), text: 'People with lived experience share decisions in at least one activity.' },
      { holds: yes(c.project.practice.capacity_building), text: "Building people's skills and confidence is part of the project." },
    ],
  },
  {
    id: 'power-is-shared',
    name: 'Power is shared at all times',
    description: 'Not only in designated sessions: real chances for input, decisions and leadership throughout, starting where the agenda is set.',
    source: 'Boing Boing Foundation (n.d.), principle 2; Guerilla Policy (c. 2012) on defining the problem',
    howJudged: 'Met when decisions are shared in at least half the activities and where the agenda is set.',
    checks: (c) => [
      { holds: evidence.sharedDecisionsMostly(c), text: 'Decisions are shared in at least half the activities.' },
      { holds: evidence.agendaDecidedWithCommunity(c), text: 'Decisions are shared where the problem is defined and the agenda set.' },
    ],
  },
  {
    id: 'challenge-business-as-usual',
    name: 'Challenge business as usual',
    description: 'Resist unfair conventions, and name the tensions with powerful partners.',
    source: 'Boing Boing Foundation (n.d.), principle 3',
    howJudged: 'Met when the file names at least one tension or convention the project has pushed back on (`practice.tensions_named`).',
    checks: (c) => [{ holds: evidence.nonEmpty(c.project.practice.tensions_named), text: 'The project names the tensions and unfair conventions it pushes back on.' }],
  },
  {
    id: 'reciprocity',
    name: 'Reciprocity and a collective "we"',
    description: 'Relational, not transactional: value is created for the community, not only for the organisation.',
    source: 'Boing Boing Foundation (n.d.), principle 4',
    howJudged: 'Met when the file says what the community gains, and participants gain something for themselves (pay, training or development).',
    checks: (c) => [
      { holds: evidence.nonEmpty(c.project.practice.value_for_community), text: 'The project says what the community gets out of it.' },
      { holds: any([evidence.paid(c), evidence.participantsTrained(c), evidence.developmentConversations(c)]), text: 'Participants gain something for themselves: pay, training or development.' },
    ],
  },
  {
    id: 'resource-it-properly',
    name: 'Resource it properly',
    description: 'Extra time, money and effort are budgeted, including the unseen work beyond delivery; participants are paid for their time and expertise.',
    source: 'Boing Boing Foundation (n.d.), principle 5; Mansour (2012) (families paid for their data and facilitation); Meadows and Bain-Burnett (2022) (payments)',
    howJudged: 'Met when there is a budget for participation that covers the unseen work, and people with lived experience are paid and their expenses covered.',
    checks: (c) => [
      { holds: evidence.participationBudget(c), text: 'Part of the budget is set aside for participation.' },
      { holds: yes(c.project.project.budget?.covers_unseen_work), text: 'The budget covers the unseen work: building trust, preparing, following up.' },
      { holds: evidence.paid(c), text: 'People with lived experience are paid for their time and expertise.' },
      { holds: evidence.expensesCovered(c), text: "People's costs of taking part are covered." },
    ],
  },
  {
    id: 'remove-barriers',
    name: 'Remove barriers; support the whole person',
    description: 'Access needs beyond the usual (travel, childcare, food, ID, flexible times, ways to communicate), peer support, and building skills and confidence.',
    source: 'Boing Boing Foundation (n.d.), principle 6; Campbell (JRF, n.d.) (meetings fitted around people in work)',
    howJudged: 'Met when access support is offered, costs are covered, peer or one-to-one support is offered, and the timing of activities suits participants.',
    checks: (c) => [
      { holds: evidence.accessSupport(c), text: 'Access support is offered (travel, childcare, food, flexible times and the like).' },
      { holds: evidence.expensesCovered(c), text: "People's costs of taking part are covered." },
      { holds: evidence.peerSupport(c), text: 'Peer, buddy or one-to-one support is offered.' },
      { holds: evidence.timingSuited(c), text: 'Times, places and papers suit the people taking part.' },
    ],
  },
  {
    id: 'learn-by-doing',
    name: 'Learn by doing',
    description: 'Start without a blueprint, reflect, record the learning, and change course.',
    source: 'Boing Boing Foundation (n.d.), principle 7',
    howJudged: 'Met when the project reflects regularly, records what it learns, and names changes it made.',
    checks: (c) => [
      { holds: yes(c.project.practice.learning?.reflection), text: 'The project stops regularly to reflect, with participants.' },
      { holds: yes(c.project.practice.learning?.recorded), text: 'What is learnt is written down.' },
      { holds: evidence.nonEmpty(c.project.practice.learning?.changes), text: 'The project names changes it made because of what it learnt.' },
    ],
  },
  {
    id: 'social-justice',
    name: 'Social justice',
    description: 'The work aims at a fairer share of rights, power, resources and opportunity, and is sense-checked against that aim as it goes.',
    source: 'Boing Boing Foundation (n.d.), principle 8',
    howJudged: 'Met when the project states its social-justice aim and checks its work against it as it goes.',
    checks: (c) => [
      { holds: c.project.project.aim === undefined ? undefined : c.project.project.aim.trim().length > 0, text: 'The project states what it aims to make fairer.' },
      { holds: yes(c.project.practice.aim_checked), text: 'The work is checked against that aim as it goes.' },
    ],
  },
  {
    id: 'climb-the-ladder',
    name: 'Climb the ladder',
    description: 'Shared decision-making is the norm and the goal; no one is there only for show; claims match the evidence.',
    source: 'Boing Boing Foundation (n.d.), principle 9 (the Ladder of Community Participation, after Hart)',
    howJudged: 'Met when no activity is in non-participation, at least one shares decisions, and no claimed rung is above the evidence.',
    checks: (c) => [
      { holds: evidence.noNonParticipation(c), text: 'No activity is in non-participation (rungs 1 to 3).' },
      { holds: evidence.sharedDecisionsSomewhere(c), text: 'At least one activity shares decisions with the community.' },
      { holds: evidence.claimsSupported(c), text: 'Every claimed rung is supported by the evidence.' },
    ],
  },
];
