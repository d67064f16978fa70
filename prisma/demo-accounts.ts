// Demo accounts created by the seed; listed in README.md and printed by `npm start`.
// One account per role. People's names are fictional; positions follow PRODUCT.md's cases.
import type { Role } from "../app/generated/prisma/enums";

/** Keys of the demo organisations (prisma/seed-demo.ts: DEMO_ORGANISATIONS). */
export type DemoOrganisationKey =
  | "pmu-ppsp"
  | "bpsdm-lampung"
  | "kendari-bappeda"
  | "blitar-dlh"
  | "lampung-barat-pupr"
  | "sultra-cipta-karya";

export type DemoAccount = {
  role: string;
  roleKey: Role;
  email: string;
  password: string;
  name: string;
  position: string;
  /** where the person works and, for region-scoped roles, the membership's region */
  regionCode?: string;
  organisation?: DemoOrganisationKey;
};

export const DEMO_PASSWORD = "lintas-demo-2024";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: "admin",
    roleKey: "ADMIN",
    email: "admin@lintas.test",
    password: DEMO_PASSWORD,
    name: "Admin Lintas",
    position: "Administrator sistem",
  },
  {
    role: "facilitator (PMU PPSP Bappenas)",
    roleKey: "FACILITATOR",
    email: "fasilitator@lintas.test",
    password: DEMO_PASSWORD,
    name: "Rina Wulandari",
    position: "Fasilitator PMU PPSP",
    organisation: "pmu-ppsp",
  },
  {
    role: "region officer (Kota Kendari)",
    roleKey: "REGION_OFFICER",
    email: "kendari@lintas.test",
    password: DEMO_PASSWORD,
    name: "Andi Saputra",
    position: "Kepala Bidang Infrastruktur, Bappeda Kota Kendari",
    regionCode: "74.71",
    organisation: "kendari-bappeda",
  },
  {
    role: "region officer (Kota Blitar)",
    roleKey: "REGION_OFFICER",
    email: "blitar@lintas.test",
    password: DEMO_PASSWORD,
    name: "Dewi Lestari",
    position: "Kepala Seksi Air Limbah, DLH Kota Blitar",
    regionCode: "35.72",
    organisation: "blitar-dlh",
  },
  {
    role: "participant (PKA, Lampung Barat)",
    roleKey: "PARTICIPANT",
    email: "peserta@lintas.test",
    password: DEMO_PASSWORD,
    name: "Hendra Gunawan",
    position: "Sekretaris Dinas PUPR Kab. Lampung Barat",
    regionCode: "18.04",
    organisation: "lampung-barat-pupr",
  },
  {
    role: "coach",
    roleKey: "COACH",
    email: "coach@lintas.test",
    password: DEMO_PASSWORD,
    name: "Dr. Siti Rahmawati",
    position: "Coach, BPSDM Provinsi Lampung",
    organisation: "bpsdm-lampung",
  },
  {
    role: "mentor",
    roleKey: "MENTOR",
    email: "mentor@lintas.test",
    password: DEMO_PASSWORD,
    name: "Ir. Bambang Prasetyo",
    position: "Kepala Dinas PUPR Kab. Lampung Barat",
    regionCode: "18.04",
    organisation: "lampung-barat-pupr",
  },
  {
    role: "head of region (Kab. Lahat)",
    roleKey: "REGION_OFFICER",
    email: "bupati.lahat@lintas.test",
    password: DEMO_PASSWORD,
    name: "Akun Demo Kepala Daerah Lahat",
    position: "Bupati Lahat (peran demo)",
    regionCode: "16.04",
  },
  {
    role: "viewer (Prov. Sulawesi Tenggara)",
    roleKey: "VIEWER",
    email: "sultra@lintas.test",
    password: DEMO_PASSWORD,
    name: "Yusuf Lamaindi",
    position: "Koordinator SPM, Dinas Cipta Karya Prov. Sulawesi Tenggara",
    regionCode: "74",
    organisation: "sultra-cipta-karya",
  },
];
