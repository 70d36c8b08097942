/**
 * The seed story's posts in Huyện Dầu Tiếng as of 16 September 2013 (the 2011–2016 term): in
 * each of the twelve communes a Party secretary, a People's Committee chair and two vice
 * chairs, and the six commune civil-servant titles; at the district its Party secretary and
 * deputy, its People's Committee chair and two vice chairs. In three communes the Party
 * secretary is also the People's Committee chair, a concurrent post (kiêm nhiệm). The people
 * are the story's fictional Party members of the place, taken in the order of their personal ID.
 */
export const DEMO_POSTS_FROM = '2011-07-01';

/** The communes whose Party secretary also chairs the People's Committee. */
export const DEMO_SECRETARY_CHAIRS: readonly string[] = ['25780', '25795', '25810'];

/** A post of the story: a title in the place's organization of a kind. */
interface Post {
  organizationKind: 'PARTY_COMMITTEE' | 'PEOPLES_COMMITTEE';
  titleCode: string;
}

const post = (organizationKind: Post['organizationKind'], titleCode: string): Post => ({ organizationKind, titleCode });

/** The posts of each tier, the Party secretary's first and the People's Committee chair's second. */
export const DEMO_POSTS: Readonly<Record<'COMMUNE' | 'DISTRICT', readonly Post[]>> = {
  COMMUNE: [
    post('PARTY_COMMITTEE', 'COMMUNE_PARTY_SECRETARY'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_COMMITTEE_CHAIR'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_COMMITTEE_VICE_CHAIR'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_COMMITTEE_VICE_CHAIR'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_MILITARY_COMMANDER'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_OFFICE_STATISTICS'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_LAND_CONSTRUCTION'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_FINANCE_ACCOUNTING'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_JUSTICE_CIVIL_STATUS'),
    post('PEOPLES_COMMITTEE', 'COMMUNE_CULTURE_SOCIAL'),
  ],
  DISTRICT: [
    post('PARTY_COMMITTEE', 'DISTRICT_PARTY_SECRETARY'),
    post('PEOPLES_COMMITTEE', 'DISTRICT_COMMITTEE_CHAIR'),
    post('PARTY_COMMITTEE', 'DISTRICT_PARTY_DEPUTY_SECRETARY'),
    post('PEOPLES_COMMITTEE', 'DISTRICT_COMMITTEE_VICE_CHAIR'),
    post('PEOPLES_COMMITTEE', 'DISTRICT_COMMITTEE_VICE_CHAIR'),
  ],
};

/** A place of the story: its tier, its organizations by kind, and its people in order. */
export interface DemoPostPlace {
  unitCode: string;
  tier: 'COMMUNE' | 'DISTRICT';
  organizations: Readonly<Partial<Record<Post['organizationKind'], string>>>;
  people: readonly string[];
}

export interface DemoAssignment {
  unitCode: string;
  personId: string;
  organizationId: string;
  titleCode: string;
  concurrent: boolean;
}

/** The story's assignments, the same for the same places: each post to the next person, or to the secretary as a concurrent chair. */
export function demoAssignments(places: readonly DemoPostPlace[]): DemoAssignment[] {
  return places.flatMap((place) => {
    const secretaryChairs = DEMO_SECRETARY_CHAIRS.includes(place.unitCode);
    let next = 0;
    return DEMO_POSTS[place.tier].map((post, index): DemoAssignment => {
      const organizationId = place.organizations[post.organizationKind];
      if (!organizationId) throw new RangeError(`${place.unitCode} has no ${post.organizationKind}`);
      const concurrent = secretaryChairs && index === 1;
      const personId = concurrent ? place.people[0] : place.people[next++];
      if (!personId) throw new RangeError(`${place.unitCode} has too few people for its posts`);
      return { unitCode: place.unitCode, personId, organizationId, titleCode: post.titleCode, concurrent };
    });
  });
}
