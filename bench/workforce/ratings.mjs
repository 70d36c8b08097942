// Ratings history (not generated yet): evaluation's decided yearly ratings per person.
export const RATING_YEARS = [];
export const ratingRows = () => [];
