// Demo accounts created by the seed; listed in README.md and printed by `npm start`.
import type { Role } from "../app/generated/prisma/enums";

export type DemoAccount = {
  role: string;
  roleKey: Role;
  email: string;
  password: string;
  name: string;
  position: string;
  regionCode?: string;
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
  },
  {
    role: "region officer (Kota Kendari)",
    roleKey: "REGION_OFFICER",
    email: "kendari@lintas.test",
    password: DEMO_PASSWORD,
    name: "Andi Saputra",
    position: "Kepala Bidang Infrastruktur, Bappeda Kota Kendari",
    regionCode: "74.71",
  },
  {
    role: "region officer (Kota Blitar)",
    roleKey: "REGION_OFFICER",
    email: "blitar@lintas.test",
    password: DEMO_PASSWORD,
    name: "Dewi Lestari",
    position: "Kepala Seksi Air Limbah, DLH Kota Blitar",
    regionCode: "35.72",
  },
  {
    role: "participant (PKA, Lampung Barat)",
    roleKey: "PARTICIPANT",
    email: "peserta@lintas.test",
    password: DEMO_PASSWORD,
    name: "Hendra Gunawan",
    position: "Sekretaris Dinas PUPR Kab. Lampung Barat",
    regionCode: "18.04",
  },
  {
    role: "coach",
    roleKey: "COACH",
    email: "coach@lintas.test",
    password: DEMO_PASSWORD,
    name: "Dr. Siti Rahmawati",
    position: "Coach, BPSDM Provinsi Lampung",
  },
  {
    role: "mentor",
    roleKey: "MENTOR",
    email: "mentor@lintas.test",
    password: DEMO_PASSWORD,
    name: "Ir. Bambang Prasetyo",
    position: "Kepala Dinas PUPR Kab. Lampung Barat",
    regionCode: "18.04",
  },
  {
    role: "head of region (Kab. Lahat)",
    roleKey: "REGION_OFFICER",
    email: "bupati.lahat@lintas.test",
    password: DEMO_PASSWORD,
    name: "Bupati Lahat",
    position: "Bupati Lahat",
    regionCode: "16.04",
  },
  {
    role: "viewer (Prov. Sulawesi Tenggara)",
    roleKey: "VIEWER",
    email: "sultra@lintas.test",
    password: DEMO_PASSWORD,
    name: "Yusuf Lamaindi",
    position: "Dinas Cipta Karya Prov. Sulawesi Tenggara",
    regionCode: "74",
  },
];
