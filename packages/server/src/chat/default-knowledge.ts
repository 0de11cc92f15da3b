/**
 * The knowledge entries the first application starts with: the demo shop's (examples/demo) FAQ, so the chat
 * answers out of the box. Owners edit or delete them in Settings.
 */
export const DEFAULT_KNOWLEDGE = [
  {
    question: 'How long does delivery take? When will my order arrive? Shipping times',
    answer: 'Orders placed before 2 pm leave the same day. Most arrive in two to four working days.',
    link: '/demo/about.html',
  },
  {
    question: 'Can I return something I have used? What is your returns policy? Refund',
    answer:
      'Yes, within 60 days, if it did not do what we said it would. Tell us what went wrong so we can stop recommending it.',
    link: '/demo/about.html',
  },
  {
    question: 'What does the free repair promise cover? Do you repair gear? Broken zip, seam or sole',
    answer:
      'Wear and tear on anything you bought from us, for as long as you own it. Send it in or bring it by; we pay the postage back.',
    link: '/demo/about.html',
  },
  {
    question: 'Do you rent equipment? Can I hire a tent, pack or sleeping bag?',
    answer:
      'Tents, packs and sleeping bags can be hired by the week from the shop. Club members get the second week free.',
    link: '/demo/about.html',
  },
  {
    question: 'What is the club? How do I join the club? Membership benefits',
    answer:
      'Join the club on the sign-up page: members get the second week of any rental free and hear about repair days first.',
    link: '/demo/signup.html',
  },
  {
    question: 'Is this a real shop? What is this site?',
    answer:
      'No. Northwind Outfitters is the demo site of Hindsight. Open the chat, click around, then replay your visit in the Hindsight dashboard.',
    link: null,
  },
] as const;
