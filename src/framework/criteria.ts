/**
 * The four criteria of Meadows and Bain-Burnett (2022) ("How co-production can be used as a tool for
 * systems change", Turn2us and the Trussell Trust): Safe, Expert,
 * Targeted/diverse, Valuable.
 */
import { yes } from './context.js';
import * as evidence from './evidence.js';
import { any, type Standard } from './judgement.js';

export const CRITERIA: readonly Standard[] = [
  {
    id: 'safe',
    name: 'Safe',
    description: "A model of care is followed so taking part does no harm; partners get professional support and development conversations; staff are trained in facilitation and in making payments; payment is handled safely for people on benefits.",
    source: "Meadows and Bain-Burnett (2022) (Safe; McKercher's Model of Care)",
    howJudged: 'Met when a model of care is named, professional support and development conversations are offered, staff are trained in facilitation, and anyone paid is offered benefits advice and a choice of how to be paid.',
    checks: (c) => [
      { holds: c.project.practice.model_of_care === undefined ? undefined : c.project.practice.model_of_care.trim().length > 0, text: 'A model of care is followed, before, during and after taking part.' },
      { holds: yes(c.project.practice.professional_support), text: 'Participants can get professional support.' },
      { holds: evidence.developmentConversations(c), text: 'Each participant has conversations about what they want to get out of it.' },
      { holds: evidence.staffTrainedIn(c, ['facilitation']), text: 'Staff are trained in facilitation.' },
      { holds: evidence.paymentHandledSafely(c), text: 'People who are paid get benefits advice and a choice of how, or whether, to be paid.' },
    ],
  },
  {
    id: 'expert',
    name: 'Expert',
    description: 'The work is designed and facilitated with skill; training is regular and in plain English for staff and partners alike; insight is turned into change.',
    source: 'Meadows and Bain-Burnett (2022) (Expert)',
    howJudged: 'Met when staff are trained for co-production, participants are offered training, training is regular and in plain English, and insight is turned into change.',
    checks: (c) => [
      { holds: evidence.staffTrainedIn(c, ['facilitation', 'co_production']), text: 'Staff are trained to design and facilitate co-production.' },
      { holds: evidence.participantsTrained(c), text: 'Participants are offered training for their role.' },
      { holds: yes(c.project.practice.training_is_regular), text: 'Training is regular and in plain English.' },
      { holds: evidence.insightTurnedIntoChange(c), text: 'What people say is turned into change.' },
    ],
  },
  {
    id: 'targeted-diverse',
    name: 'Targeted and diverse',
    description: 'The people involved have the specific lived experience the work is about, and a range of it; reach goes beyond the usual and loudest voices.',
    source: 'Meadows and Bain-Burnett (2022) (Targeted/diverse); Guerilla Policy (c. 2012) (hearing quieter voices); Campbell (JRF, n.d.) (people in work)',
    howJudged: 'Met when some people have direct lived experience of the issue, groups bring a range of experience, and recruitment reached beyond the usual voices through more than one channel.',
    checks: (c) => [
      { holds: evidence.directExperience(c), text: 'Some people have direct lived experience of the issue.' },
      { holds: evidence.rangeOfExperience(c), text: 'The groups bring a range of experience, not just one kind.' },
      { holds: evidence.recruitmentReachesWidely(c), text: 'Recruitment reached beyond the usual voices, through more than one channel.' },
    ],
  },
  {
    id: 'valuable',
    name: 'Valuable',
    description: 'The organisation gains usable insight, partners gain value for themselves (pay, skills, development), and there is a learning culture about both.',
    source: 'Meadows and Bain-Burnett (2022) (Valuable)',
    howJudged: 'Met when insight is turned into change, participants gain pay, training or development, and learning is recorded.',
    checks: (c) => [
      { holds: evidence.insightTurnedIntoChange(c), text: 'The organisation turns what it hears into change.' },
      { holds: any([evidence.paid(c), evidence.participantsTrained(c), evidence.developmentConversations(c)]), text: 'Participants gain something for themselves: pay, training or development.' },
      { holds: yes(c.project.practice.learning?.recorded), text: 'Learning about the issue and the way of working is recorded.' },
    ],
  },
];
