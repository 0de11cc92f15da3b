import type { FixturePage } from './fixture-page';
import { renderSitePage } from './site-layout';

const COUNTRIES = ['United States', 'Germany', 'France', 'United Kingdom', 'Spain', 'Italy', 'Netherlands', 'Japan'];
const COUNTRY_OPTIONS = COUNTRIES.map((c) => `<option>${c}</option>`).join('');

const field = (id: string, label: string, type = 'text', hint = '') =>
  `<div class="field"><label for="${id}">${label}</label><input class="input" id="${id}" name="${id}" type="${type}">${hint ? `<span class="hint">${hint}</span>` : ''}<span class="error" hidden></span></div>`;

const PLANS = [
  ['starter', 'Starter', '$0 / month', 'Up to 1,000 sessions'],
  ['team', 'Team', '$49 / month', 'Up to 50,000 sessions'],
  ['scale', 'Scale', '$199 / month', 'Unlimited sessions, SSO'],
] as const;

const SCRIPT = `
const show = (step) => {
  document.querySelectorAll('.step').forEach((s, i) => (s.hidden = i !== step));
  document.querySelectorAll('.steps span').forEach((s, i) => s.classList.toggle('active', i === step));
};
const validate = (input, ok, message) => {
  const error = input.parentElement.querySelector('.error');
  input.classList.toggle('invalid', !ok);
  error.hidden = ok;
  error.textContent = ok ? '' : message;
};
document.getElementById('email').addEventListener('input', (e) => validate(e.target, /^\\S+@\\S+\\.\\S+$/.test(e.target.value), 'Enter a valid email address'));
document.getElementById('password').addEventListener('input', (e) => {
  const v = e.target.value;
  const score = (v.length >= 8) + /[A-Z]/.test(v) + /\\d/.test(v) + /[^\\w]/.test(v);
  document.querySelector('.strength i').style.width = score * 25 + '%';
  document.getElementById('strength-label').textContent = ['Too short', 'Weak', 'Fair', 'Good', 'Strong'][score];
});
document.getElementById('card').addEventListener('input', (e) => {
  const digits = e.target.value.replace(/\\D/g, '').slice(0, 16);
  e.target.value = digits.replace(/(\\d{4})(?=\\d)/g, '$1 ');
});
document.querySelector('.plan-options').addEventListener('change', (e) => {
  document.querySelectorAll('.plan-options label').forEach((l) => l.classList.toggle('selected', l.contains(e.target)));
  document.getElementById('summary').textContent = 'Selected: ' + e.target.closest('label').querySelector('strong').textContent;
});
document.querySelectorAll('[data-next]').forEach((b) => b.addEventListener('click', () => show(Number(b.dataset.next))));
document.getElementById('signup').addEventListener('submit', (e) => {
  e.preventDefault();
  const button = e.submitter;
  button.disabled = true;
  button.textContent = 'Creating your account…';
  setTimeout(() => {
    document.getElementById('signup').innerHTML = '<h2>Welcome aboard!</h2><p>We sent a confirmation link to your inbox.</p>';
    toast('Account created');
  }, 1200);
});
show(0);
`;

/** A three-step sign-up and checkout form: live validation, password strength, plan cards, card formatting. */
export const signupForm: FixturePage = {
  name: 'signup',
  path: '/signup',
  render() {
    const plans = PLANS.map(
      ([value, name, price, detail]) =>
        `<label><input type="radio" name="plan" value="${value}"> <strong>${name}</strong><br><span class="price">${price}</span><br><span class="hint">${detail}</span></label>`,
    ).join('');
    const body = `<form class="card form-shell" id="signup" novalidate>
<h1>Create your account</h1>
<div class="steps"><span>1. Account</span><span>2. Plan</span><span>3. Billing</span></div>
<div class="step"><div class="grid-2">${field('first', 'First name')}${field('last', 'Last name')}</div>
${field('email', 'Work email', 'email', 'We never share it.')}
${field('password', 'Password', 'password')}<div class="strength"><i style="width:0"></i></div><p class="hint" id="strength-label">Too short</p>
<div class="grid-2">${field('company', 'Company')}<div class="field"><label for="role">Role</label><select class="select" id="role"><option>Engineering</option><option>Product</option><option>Support</option><option>Design</option></select></div></div>
<button class="btn btn-primary" type="button" data-next="1">Continue</button></div>
<div class="step"><div class="plan-options">${plans}</div><p class="hint" id="summary">No plan selected</p>
<label><input type="checkbox" id="annual"> Bill annually (2 months free)</label><br><br>
<button class="btn btn-secondary" type="button" data-next="0">Back</button> <button class="btn btn-primary" type="button" data-next="2">Continue</button></div>
<div class="step">${field('card', 'Card number', 'text', 'Visa, Mastercard, Amex')}
<div class="grid-2">${field('expiry', 'Expiry (MM/YY)')}${field('cvc', 'CVC')}</div>
${field('address', 'Billing address')}<div class="grid-2">${field('city', 'City')}<div class="field"><label for="country">Country</label><select class="select" id="country">${COUNTRY_OPTIONS}</select></div></div>
<div class="field"><label for="notes">Anything we should know?</label><textarea class="textarea" id="notes" rows="3"></textarea></div>
<label><input type="checkbox" id="terms"> I agree to the <a href="#terms">terms</a></label><br><br>
<button class="btn btn-secondary" type="button" data-next="1">Back</button> <button class="btn btn-primary" type="submit">Start subscription</button></div>
</form>`;
    return renderSitePage({ title: 'Sign up', active: 'Sign up', body, script: SCRIPT });
  },
  async visit(page) {
    const pause = (ms: number) => page.waitForTimeout(ms);
    const type = async (selector: string, text: string) => {
      await page.click(selector);
      await page.keyboard.type(text, { delay: 70 });
      await pause(300);
    };
    await page.mouse.move(640, 200, { steps: 8 });
    await pause(800);
    await type('#first', 'Ada');
    await type('#last', 'Lovelace');
    await type('#email', 'ada.lovelace@example');
    await pause(500);
    await type('#email', '.com');
    await type('#password', 'Analytical-Engine-1843');
    await type('#company', 'Difference Works Ltd');
    await page.selectOption('#role', 'Product');
    await pause(600);
    await page.click('[data-next="1"]');
    await pause(900);
    await page.hover('.plan-options label >> nth=0');
    await pause(400);
    await page.hover('.plan-options label >> nth=2');
    await pause(400);
    await page.click('.plan-options label >> nth=1');
    await pause(600);
    await page.check('#annual');
    await pause(500);
    await page.click('.step >> nth=1 >> [data-next="2"]');
    await pause(900);
    await type('#card', '4242424242424242');
    await type('#expiry', '12/29');
    await type('#cvc', '123');
    await type('#address', '12 Analytical Street');
    await type('#city', 'London');
    await page.selectOption('#country', 'United Kingdom');
    await pause(400);
    await type('#notes', 'Please send the invoice to accounts@example.com. We need 40 seats from next month.');
    await page.check('#terms');
    await pause(700);
    await page.mouse.wheel(0, 300);
    await pause(500);
    await page.click('button[type="submit"]');
    await pause(2500);
  },
};
