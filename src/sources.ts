/**
 * The sources coprod cites, as data: the same references as docs/sources.md,
 * keyed by the anchor each has there. A rule, principle or rung cites a source
 * in its short form (`cite`, such as "Hart (1992)"); `coprod explain` and
 * `coprod ladder` print the full reference of every source a citation names.
 *
 * Where a document does not give its author or date, the reference says so
 * rather than guess.
 */

export interface Source {
  /** The anchor in docs/sources.md, stable across versions. */
  id: string;
  /** How the source is cited in the text, such as "Hart (1992)". */
  cite: string;
  /** The full reference, in one line. */
  reference: string;
  /** Where it can be read, when it is public. */
  url?: string;
  /** What coprod takes from it, in a sentence. */
  usedFor: string;
}

export const SOURCES: readonly Source[] = [
  {
    id: 'boingboing-principles',
    cite: 'Boing Boing Foundation (n.d.)',
    reference: 'Boing Boing Foundation (n.d.). Our co-production for change principles. Web page, undated.',
    url: 'https://boingboingfoundation.org.uk/principles',
    usedFor: 'The nine co-production principles, and the Ladder of Community Participation, adapted from Hart\'s ladder.',
  },
  {
    id: 'campbell-jrf',
    cite: 'Campbell (JRF, n.d.)',
    reference:
      'Campbell, S. (n.d.). Co-designing and co-commissioning policy solutions to in-work poverty. Blog post on Medium by the Head of Participation and Advocacy at the Joseph Rowntree Foundation (JRF), undated. The post names its author by role only; her name is in its address.',
    url: 'https://sarah-campbell-34284.medium.com/co-designing-and-co-commissioning-policy-solutions-to-in-work-poverty-24c67afe7c55',
    usedFor: 'Co-commissioning with an equal say for lived-experience partners; working flexibly around people in work; recruiting through trusted relationships.',
  },
  {
    id: 'meadows-bain-burnett-2022',
    cite: 'Meadows and Bain-Burnett (2022)',
    reference:
      'Meadows, A. (Turn2us) and Bain-Burnett, J. (Trussell Trust) (2022, 5 July). How co-production can be used as a tool for systems change. CharityComms.',
    url: 'https://www.charitycomms.org.uk/how-co-production-can-be-used-as-a-tool-for-systems-change',
    usedFor: 'The four criteria Safe, Expert, Targeted/diverse and Valuable; peer evaluators; paying people safely; buddying staff with participants.',
  },
  {
    id: 'pearson-lindsay-2015',
    cite: 'Pearson and Lindsay (2015)',
    reference:
      'Pearson, S. (Centre for Regional Economic and Social Research, Sheffield Hallam University) and Lindsay, C. (Scottish Centre for Employment Research, University of Strathclyde) (2015, July). Making the Case for Co-production. Making It Work Learning and Evaluation Briefing 2, from the evaluation of Making It Work, a Big Lottery Fund in Scotland programme for lone parents.',
    usedFor: 'Co-planning, co-delivery and co-management; choice and control for the people a service is for; user-led organisations as partners; outcomes over targets.',
  },
  {
    id: 'mansour-2012',
    cite: 'Mansour (2012)',
    reference: 'Mansour, J. (2012, 17 October). Built to scale: the Family Independence Initiative. Guest post on the Guerilla Policy blog.',
    url: 'https://newthinktankdotorg.wordpress.com/2012/10/17/built-to-scale-jane-mansour/',
    usedFor: 'Families in control, paid for their time, their data and for facilitating; a formal feedback loop; asking the people a programme is for and responding to what they say.',
  },
  {
    id: 'guerilla-policy-open-policy',
    cite: 'Guerilla Policy (c. 2012)',
    reference:
      'Guerilla Policy (c. 2012). Making open policy a reality, parts 1 and 2; and How can civil servants make better use of social media? Posts on the Guerilla Policy blog. Undated: they answer the UK Government\'s civil service reform plan of 2012, which they call recent.',
    url: 'http://blog.guerillapolicy.org/',
    usedFor: 'Defining the problem, not only commenting on solutions; open policy must not become "the new consultation"; hearing quieter voices, not the loudest.',
  },
  {
    id: 'sherwood-2012',
    cite: 'Sherwood (c. 2012)',
    reference:
      'Sherwood, C. (Co-Founder of Guerilla Policy; Director of Innovation and Development at Scope) (c. 2012). How could commissioners make greater use of social media? (a series on opening up commissioning); and How can trade bodies make greater use of social media to improve the impact of their policy and research work? Posts on the Guerilla Policy blog, undated.',
    url: 'http://blog.guerillapolicy.org/',
    usedFor: 'People involved in setting the agenda rather than commenting on one already defined; showing people "the connection between the ideas they offer up and the final product"; the stages of commissioning.',
  },
  {
    id: 'hart-1992',
    cite: 'Hart (1992)',
    reference: "Hart, R. A. (1992). Children's Participation: From Tokenism to Citizenship. Innocenti Essays No. 4. Florence: UNICEF International Child Development Centre. ISBN 88-85401-05-8.",
    url: 'https://www.unicef-irc.org/publications/100-childrens-participation-from-tokenism-to-citizenship.html',
    usedFor: "The Ladder of Children's Participation, whose eight rungs the Ladder of Community Participation adapts; consultation with no feedback as manipulation.",
  },
  {
    id: 'lundy-2007',
    cite: 'Lundy (2007)',
    reference:
      "Lundy, L. (2007). 'Voice' is not enough: conceptualising Article 12 of the United Nations Convention on the Rights of the Child. British Educational Research Journal, 33(6), 927–942. doi:10.1080/01411920701657033.",
    url: 'https://doi.org/10.1080/01411920701657033',
    usedFor: 'Space, voice, audience and influence: time and a safe place to form a view, a way of giving it, people with power who hear it, and its being acted on.',
  },
  {
    id: 'arnstein-1969',
    cite: 'Arnstein (1969)',
    reference: 'Arnstein, S. R. (1969). A Ladder of Citizen Participation. Journal of the American Institute of Planners, 35(4), 216–224. doi:10.1080/01944366908977225.',
    url: 'https://doi.org/10.1080/01944366908977225',
    usedFor: "The ladder of citizen participation; seats on a board as placation, partnership or delegated power; one of the scales of `--scale`.",
  },
  {
    id: 'iap2-spectrum',
    cite: 'IAP2 Spectrum',
    reference:
      'International Association for Public Participation (IAP2). IAP2 Spectrum of Public Participation. IAP2 International Federation. IAP2 asks permission before its text is reproduced, so coprod names its levels only.',
    url: 'https://www.iap2.org/',
    usedFor: 'One of the scales of `--scale`: inform, consult, involve, collaborate, empower.',
  },
  {
    id: 'tlap-ladder',
    cite: 'Think Local Act Personal (n.d.)',
    reference:
      'Think Local Act Personal (TLAP) and its National Co-production Advisory Group (NCAG) (n.d.). Ladder of co-production. Web page, undated. TLAP asks that the ladder be credited to TLAP and NCAG.',
    url: 'https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/',
    usedFor: 'One of the scales of `--scale`: coercion, educating, informing, consultation, engagement, co-design, co-production.',
  },
  {
    id: 'partos-2020',
    cite: 'Partos (2020)',
    reference:
      'Partos (2020). Power Awareness Tool. Launched in February 2020 (version 1.0, revised as version 2.0 after an evaluation in 2022) by Partos, the Dutch membership body for organisations in international development.',
    url: 'https://www.partos.nl/',
    usedFor: 'One of the scales of `--scale`: who holds power over a decision, from 0 (excluded) to 4 (decides).',
  },
  {
    id: 'mckercher-2020',
    cite: 'McKercher (2020)',
    reference: 'McKercher, K. A. (2020). Beyond Sticky Notes. Co-design for Real: Mindsets, Methods and Movements. Beyond Sticky Notes.',
    url: 'https://www.beyondstickynotes.com/',
    usedFor: "The Model of Care for co-design (care before, during and after taking part), named by Meadows and Bain-Burnett (2022) under Safe.",
  },
  {
    id: 'mencap-2000',
    cite: 'Mencap (2000)',
    reference: "Mencap (2000, reprinted 2002). Am I making myself clear? Mencap's guidelines for accessible writing. Mencap.",
    usedFor: 'Easy Read for reporting back to participants: short sentences, everyday words, large type, a picture beside each point.',
  },
  {
    id: 'dh-easy-read-2010',
    cite: 'Department of Health (2010)',
    reference:
      'Department of Health (2010). Making written information easier to understand for people with learning disabilities: guidance for people who commission or produce Easy Read information. Revised edition, November 2010.',
    usedFor: 'Easy Read for reporting back to participants, with Mencap (2000).',
  },
];

export function sourceById(id: string): Source | undefined {
  return SOURCES.find((s) => s.id === id);
}

/** Every source a citation names by its short form, in the order it names them. */
export function sourcesCitedIn(text: string): Source[] {
  return SOURCES.filter((s) => text.includes(s.cite)).sort((a, b) => text.indexOf(a.cite) - text.indexOf(b.cite));
}

/** The full reference, with where to read it. */
export function fullReference(source: Source): string {
  return source.url ? `${source.reference} ${source.url}` : source.reference;
}

/** How the Ladder of Community Participation is cited, wherever its rungs are shown. */
export const LADDER_CITATION = 'Boing Boing Foundation (n.d.), the Ladder of Community Participation, adapted from Hart (1992)';
