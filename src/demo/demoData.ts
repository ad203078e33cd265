// The demo tenants: two jewellers (Persian, rials) and a web shop (English, dollars).
// Plain data; seedDemo.ts writes it through the same functions the API uses.
import type { Isolation } from '../generated/platform/enums';
import type { InvoiceKind, PaymentMethod, ProductKind } from '../generated/tenant/enums';

export const DEMO_PASSWORD = 'admin123';
export const PLATFORM_ADMIN_EMAIL = 'platform@demo.com';

export interface DemoProduct {
  sku: string;
  name: string;
  kind: ProductKind;
  category: string;
  price: string;
  cost: string;
  unit?: 'pc' | 'g';
  stock: string;
  attributes?: Record<string, number | string>;
}

export interface DemoPayment {
  daysAgo: number;
  method: PaymentMethod;
  /** Defaults to what is still due. */
  amount?: string;
  reference?: string;
}

export interface DemoInvoice {
  kind: InvoiceKind;
  /** Index into the tenant's customers. */
  customer: number;
  daysAgo: number;
  items: Array<{ sku: string; quantity: string; tradeIn?: boolean; unitPrice?: string }>;
  payments?: DemoPayment[];
  /** Left as a DRAFT instead of being issued. */
  draft?: boolean;
}

export interface DemoBooks {
  /** What the business started with besides its stock: cash in the till and in the bank. */
  openingCash: string;
  openingBank: string;
  bank: { name: string; bankName: string; accountNumber: string };
  /** Products made from others, and how many to make. */
  assemblies: Array<{ sku: string; components: Array<{ sku: string; quantity: string }>; make: string }>;
  /** Sales spread over the last three months, on top of `invoices`. */
  historySales: number;
}

export interface DemoTenant {
  slug: string;
  name: string;
  isolation: Isolation;
  locale: string;
  currency: string;
  plan: string;
  categories: string[];
  products: DemoProduct[];
  customers: Array<{ name: string; phone: string; email?: string; address: string }>;
  invoices: DemoInvoice[];
  books: DemoBooks;
  /** A web shop's orders, taken through the same rules as the API's, after the books. */
  shop?: DemoShop;
}

export interface DemoOrder {
  customer: number;
  items: Array<{ sku: string; quantity: string }>;
  discountCode?: string;
  shippingAddress: string;
  /** How far it got: paid (with the method), then fulfilled, refunded in part, or cancelled. */
  steps: Array<{ pay: PaymentMethod } | 'fulfill' | { refund: string; reason: string } | 'cancel'>;
}

export interface DemoShop {
  discount: { code: string; percentOff: string; maxRedemptions: number };
  orders: DemoOrder[];
}

const JEWELLER_CATEGORIES = ['طلای آب‌شده', 'زیورآلات طلا', 'سکه', 'سنگ‌های قیمتی'];

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'talanou',
    name: 'طلافروشی طلای نو',
    isolation: 'DATABASE',
    locale: 'fa',
    currency: 'IRR',
    plan: 'professional',
    categories: JEWELLER_CATEGORIES,
    products: [
      { sku: 'GOLD-18K', name: 'طلای آب‌شده ۱۸ عیار', kind: 'GOLD', category: 'طلای آب‌شده', price: '72500000', cost: '70000000', unit: 'g', stock: '250', attributes: { karat: 18 } },
      { sku: 'GOLD-24K', name: 'شمش طلای ۲۴ عیار', kind: 'GOLD', category: 'طلای آب‌شده', price: '96000000', cost: '93500000', unit: 'g', stock: '100', attributes: { karat: 24 } },
      { sku: 'RING-101', name: 'انگشتر طلا نگین‌دار', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '310000000', cost: '265000000', stock: '12', attributes: { karat: 18, weightGrams: 3.8 } },
      { sku: 'NECK-201', name: 'گردنبند طلا طرح ونیزی', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '545000000', cost: '470000000', stock: '6', attributes: { karat: 18, weightGrams: 6.9 } },
      { sku: 'BRAC-301', name: 'دستبند طلا کارتیه', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '690000000', cost: '600000000', stock: '4', attributes: { karat: 18, weightGrams: 8.7 } },
      { sku: 'COIN-BAHAR', name: 'سکه بهار آزادی', kind: 'COIN', category: 'سکه', price: '820000000', cost: '800000000', stock: '20' },
      { sku: 'COIN-NIM', name: 'نیم سکه', kind: 'COIN', category: 'سکه', price: '445000000', cost: '430000000', stock: '15' },
      { sku: 'STONE-TURQ', name: 'فیروزه نیشابوری', kind: 'STONE', category: 'سنگ‌های قیمتی', price: '48000000', cost: '36000000', stock: '30', attributes: { carat: 2.1 } },
    ],
    customers: [
      { name: 'علی رضایی', phone: '09121234567', address: 'تهران، خیابان ولیعصر' },
      { name: 'مریم احمدی', phone: '09123456789', email: 'maryam.ahmadi@example.ir', address: 'تهران، سعادت‌آباد' },
      { name: 'حسین محمدی', phone: '09151112233', address: 'مشهد، بلوار سجاد' },
      { name: 'زهرا کریمی', phone: '09131239876', address: 'اصفهان، خیابان چهارباغ' },
    ],
    invoices: [
      {
        kind: 'SALE',
        customer: 0,
        daysAgo: 12,
        items: [{ sku: 'RING-101', quantity: '1' }, { sku: 'STONE-TURQ', quantity: '2' }],
        payments: [{ daysAgo: 12, method: 'CARD', reference: 'POS-551204' }],
      },
      { kind: 'SALE', customer: 1, daysAgo: 6, items: [{ sku: 'COIN-BAHAR', quantity: '2' }], payments: [{ daysAgo: 5, method: 'BANK_TRANSFER', amount: '1000000000', reference: 'PAYA-88213' }] },
      {
        kind: 'TRADE',
        customer: 2,
        daysAgo: 3,
        items: [{ sku: 'NECK-201', quantity: '1' }, { sku: 'GOLD-18K', quantity: '4.2', tradeIn: true, unitPrice: '70000000' }],
        payments: [{ daysAgo: 3, method: 'CASH' }],
      },
      { kind: 'PURCHASE', customer: 3, daysAgo: 1, items: [{ sku: 'GOLD-18K', quantity: '15', unitPrice: '70000000' }], payments: [{ daysAgo: 1, method: 'BANK_TRANSFER', reference: 'SATNA-4471' }] },
      { kind: 'SALE', customer: 3, daysAgo: 0, items: [{ sku: 'COIN-NIM', quantity: '1' }], draft: true },
    ],
    books: {
      openingCash: '3000000000',
      openingBank: '25000000000',
      bank: { name: 'حساب جاری', bankName: 'بانک ملی ایران', accountNumber: 'IR820170000000111122223333' },
      assemblies: [{ sku: 'RING-101', components: [{ sku: 'GOLD-18K', quantity: '3.8' }, { sku: 'STONE-TURQ', quantity: '1' }], make: '2' }],
      historySales: 12,
    },
  },
  {
    slug: 'arya-jewelry',
    name: 'جواهرات آریا',
    // The second jeweller shows the other isolation mode: a schema in a shared database.
    isolation: 'SCHEMA',
    locale: 'fa',
    currency: 'IRR',
    plan: 'starter',
    categories: JEWELLER_CATEGORIES,
    products: [
      { sku: 'GOLD-18K', name: 'طلای آب‌شده ۱۸ عیار', kind: 'GOLD', category: 'طلای آب‌شده', price: '72300000', cost: '69800000', unit: 'g', stock: '180', attributes: { karat: 18 } },
      { sku: 'EAR-110', name: 'گوشواره طلا آویز', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '265000000', cost: '228000000', stock: '9', attributes: { karat: 18, weightGrams: 3.1 } },
      { sku: 'RING-220', name: 'حلقه ازدواج طلای سفید', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '390000000', cost: '340000000', stock: '7', attributes: { karat: 18, weightGrams: 4.5 } },
      { sku: 'COIN-GERAMI', name: 'سکه گرمی', kind: 'COIN', category: 'سکه', price: '105000000', cost: '99000000', stock: '40' },
      { sku: 'STONE-RUBY', name: 'یاقوت سرخ', kind: 'STONE', category: 'سنگ‌های قیمتی', price: '150000000', cost: '118000000', stock: '5', attributes: { carat: 1.2 } },
    ],
    customers: [
      { name: 'سارا جعفری', phone: '09124447788', address: 'تهران، نیاوران' },
      { name: 'امیر صادقی', phone: '09171230000', address: 'شیراز، خیابان زند' },
      { name: 'نرگس رحیمی', phone: '09143332211', address: 'تبریز، ولیعصر' },
    ],
    invoices: [
      { kind: 'SALE', customer: 0, daysAgo: 9, items: [{ sku: 'EAR-110', quantity: '1' }], payments: [{ daysAgo: 9, method: 'CARD', reference: 'POS-730019' }] },
      {
        kind: 'SALE',
        customer: 1,
        daysAgo: 4,
        items: [{ sku: 'RING-220', quantity: '2' }, { sku: 'COIN-GERAMI', quantity: '3' }],
        payments: [{ daysAgo: 4, method: 'CASH', amount: '500000000' }],
      },
      { kind: 'TRADE', customer: 2, daysAgo: 2, items: [{ sku: 'STONE-RUBY', quantity: '1' }, { sku: 'GOLD-18K', quantity: '2', tradeIn: true, unitPrice: '69800000' }] },
    ],
    books: {
      openingCash: '1500000000',
      openingBank: '12000000000',
      bank: { name: 'حساب جاری', bankName: 'بانک ملت', accountNumber: 'IR120120000000444455556666' },
      assemblies: [{ sku: 'EAR-110', components: [{ sku: 'GOLD-18K', quantity: '3.1' }], make: '1' }],
      historySales: 8,
    },
  },
  {
    slug: 'demo-shop',
    name: 'Demo Shop',
    isolation: 'DATABASE',
    locale: 'en',
    currency: 'USD',
    plan: 'free',
    categories: ['Apparel', 'Accessories', 'Home'],
    products: [
      { sku: 'TEE-BLK-M', name: 'Organic T-shirt, black, M', kind: 'GOODS', category: 'Apparel', price: '24.00', cost: '9.50', stock: '120' },
      { sku: 'HOOD-GRY-L', name: 'Hoodie, grey, L', kind: 'GOODS', category: 'Apparel', price: '59.00', cost: '24.00', stock: '45' },
      { sku: 'CAP-NVY', name: 'Baseball cap, navy', kind: 'GOODS', category: 'Accessories', price: '19.00', cost: '6.20', stock: '80' },
      { sku: 'TOTE-NAT', name: 'Canvas tote bag', kind: 'GOODS', category: 'Accessories', price: '15.00', cost: '4.10', stock: '150' },
      { sku: 'MUG-WHT', name: 'Ceramic mug, white', kind: 'GOODS', category: 'Home', price: '12.50', cost: '3.80', stock: '200' },
    ],
    customers: [
      { name: 'Jane Cooper', phone: '+1 555 0100', email: 'jane@example.com', address: '12 Elm Street, Springfield' },
      { name: 'Omar Haddad', phone: '+1 555 0144', email: 'omar@example.com', address: '9 Harbour Road, Portland' },
      { name: 'Lena Fischer', phone: '+49 30 5550199', email: 'lena@example.de', address: 'Torstraße 5, Berlin' },
    ],
    invoices: [
      { kind: 'SALE', customer: 0, daysAgo: 8, items: [{ sku: 'TEE-BLK-M', quantity: '2' }, { sku: 'CAP-NVY', quantity: '1' }], payments: [{ daysAgo: 8, method: 'CARD', reference: 'ch_3PqL8' }] },
      { kind: 'SALE', customer: 1, daysAgo: 5, items: [{ sku: 'HOOD-GRY-L', quantity: '1' }, { sku: 'MUG-WHT', quantity: '4' }], payments: [{ daysAgo: 3, method: 'BANK_TRANSFER', reference: 'ACH-20417' }] },
      { kind: 'SALE', customer: 2, daysAgo: 1, items: [{ sku: 'TOTE-NAT', quantity: '3' }] },
      { kind: 'PURCHASE', customer: 2, daysAgo: 2, items: [{ sku: 'TEE-BLK-M', quantity: '50', unitPrice: '9.50' }], payments: [{ daysAgo: 1, method: 'BANK_TRANSFER', reference: 'ACH-20433' }] },
    ],
    books: {
      openingCash: '500.00',
      openingBank: '8000.00',
      bank: { name: 'Operating account', bankName: 'First Community Bank', accountNumber: '021000021-4400012345' },
      assemblies: [],
      historySales: 10,
    },
    shop: {
      discount: { code: 'WELCOME10', percentOff: '10', maxRedemptions: 100 },
      orders: [
        { customer: 0, items: [{ sku: 'HOOD-GRY-L', quantity: '1' }, { sku: 'CAP-NVY', quantity: '1' }], shippingAddress: '12 Elm Street, Springfield', steps: [{ pay: 'CARD' }, 'fulfill'] },
        { customer: 1, items: [{ sku: 'MUG-WHT', quantity: '2' }], discountCode: 'WELCOME10', shippingAddress: '9 Harbour Road, Portland', steps: [{ pay: 'CARD' }, 'fulfill', { refund: '12.50', reason: 'one mug arrived broken' }] },
        { customer: 2, items: [{ sku: 'TEE-BLK-M', quantity: '3' }], discountCode: 'WELCOME10', shippingAddress: 'Torstraße 5, Berlin', steps: [{ pay: 'BANK_TRANSFER' }] },
        { customer: 0, items: [{ sku: 'TOTE-NAT', quantity: '2' }], shippingAddress: '12 Elm Street, Springfield', steps: [] },
        { customer: 1, items: [{ sku: 'CAP-NVY', quantity: '2' }], shippingAddress: '9 Harbour Road, Portland', steps: ['cancel'] },
      ],
    },
  },
];

export const demoLogins = (slug: string) => ({ owner: `admin@${slug}.com`, member: `employee@${slug}.com`, viewer: `viewer@${slug}.com` });
