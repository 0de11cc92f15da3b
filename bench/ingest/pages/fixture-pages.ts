import { dashboardTable } from './dashboard-table';
import { docsArticle } from './docs-article';
import type { FixturePage } from './fixture-page';
import { productListing } from './product-listing';
import { signupForm } from './signup-form';

/** Every page recorded into fixtures, in recording order. */
export const FIXTURE_PAGES: readonly FixturePage[] = [productListing, docsArticle, signupForm, dashboardTable];
