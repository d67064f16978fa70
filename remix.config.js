// The single home of Remix's options; vite.config.ts hands them to the remix() plugin.
/** @type {import("@remix-run/dev").VitePluginConfig} */
export default {
  appDirectory: "app",
  buildDirectory: "build",
  // no file-name convention: the table below maps each public (Indonesian) address to its file
  ignoredRouteFiles: ["**/*"],
  // The public addresses stay as they are (/proyek/:projectId, /pasangan/:pairingId, …); the files
  // live in English folders that mirror app/modules (docs/architecture.md). One line per page.
  routes: (defineRoutes) =>
    defineRoutes((route) => {
      route("", "routes/home.tsx", { index: true });
      route("*", "routes/not-found.tsx");
      route("admin", "routes/admin/index.tsx", { index: true });
      route("admin/audit", "routes/admin/audit.tsx");
      route("admin/cadangan", "routes/admin/backups.tsx");
      route("admin/cadangan/unduh", "routes/admin/backup-download.ts");
      route("admin/outbox", "routes/admin/outbox.tsx");
      route("admin/undang", "routes/admin/invite.tsx");
      route("angkatan/:cohortId", "routes/cohorts/cohort.tsx");
      route("angkatan/impor", "routes/cohorts/import.tsx");
      route("angkatan/templat-impor.csv", "routes/cohorts/import-template.csv.ts");
      route("api/livekit/webhook", "routes/sessions/livekit-webhook.ts");
      route("bukti/:file", "routes/projects/evidence-file.ts");
      route("dasbor", "routes/dashboards/index.tsx");
      route("dasbor/angkatan/:cohortId", "routes/dashboards/cohort.tsx");
      route("dasbor/angkatan/:cohortId/laporan", "routes/dashboards/cohort-report.tsx");
      route("dasbor/provinsi/:code", "routes/dashboards/province.tsx");
      route("dasbor/wilayah/:code", "routes/dashboards/region.tsx");
      route("dasbor/wilayah/:code/laporan", "routes/dashboards/region-report.tsx");
      route("healthz", "routes/healthz.ts");
      route("kalender/:token", "routes/sessions/calendar-feed.ts");
      route("katalog", "routes/catalogue/index.tsx", { index: true });
      route("katalog.csv", "routes/catalogue/export.csv.ts");
      route("katalog.json", "routes/catalogue/export.json.ts");
      route("katalog/:slug", "routes/catalogue/practice.tsx");
      route("katalog/:slug/data.json", "routes/catalogue/practice-data.json.ts");
      route("katalog/baru", "routes/catalogue/new.tsx");
      route("katalog/feed.atom", "routes/catalogue/feed.atom.ts");
      route("katalog/kelola", "routes/catalogue/manage.tsx", { index: true });
      route("katalog/kelola/:id", "routes/catalogue/manage-practice.tsx");
      route("keluar", "routes/accounts/sign-out.tsx");
      route("lupa-sandi", "routes/accounts/forgot-password.tsx", { index: true });
      route("lupa-sandi/:token", "routes/accounts/reset-password.tsx");
      route("masuk", "routes/accounts/sign-in.tsx");
      route("notifikasi", "routes/accounts/notifications.tsx");
      route("pasangan", "routes/pairings/index.tsx", { index: true });
      route("pasangan/:pairingId", "routes/pairings/pairing.tsx");
      route("pasangan/:pairingId/laporan", "routes/pairings/report.tsx");
      route("pasangan/:pairingId/laporan.csv", "routes/pairings/report.csv.ts");
      route("pasangan/:pairingId/sesi-baru", "routes/pairings/new-session.tsx");
      route("pasangan/:pairingId/pilih-waktu", "routes/pairings/time-poll.tsx");
      route("pasangan/baru", "routes/pairings/new.tsx");
      route("pelajaran/:slug", "routes/lessons/lesson.tsx");
      route("pilih-waktu/:token", "routes/pairings/time-poll-answer.tsx");
      route("peluncuran/:launchEventId", "routes/projects/launch-event.tsx");
      route("profil", "routes/accounts/profile.tsx");
      route("proyek", "routes/projects/index.tsx", { index: true });
      route("proyek.csv", "routes/projects/export.csv.ts");
      route("proyek/:projectId", "routes/projects/$projectId/layout.tsx", () => {
        route("", "routes/projects/$projectId/overview.tsx", { index: true });
        route("indikator", "routes/projects/$projectId/indicators.tsx");
        route("laporan.docx", "routes/projects/$projectId/report.docx.ts");
        route("laporan.pdf", "routes/projects/$projectId/report.pdf.ts");
        route("laporan-aksi-perubahan.pdf", "routes/projects/$projectId/change-report.pdf.ts");
        route("linimasa", "routes/projects/$projectId/timeline.tsx");
        route("sampul", "routes/projects/$projectId/cover.ts");
        route("sesi", "routes/projects/$projectId/sessions.tsx");
        route("tim", "routes/projects/$projectId/team.tsx");
        route("tonggak", "routes/projects/$projectId/milestones.tsx");
      });
      route("proyek/:projectId/sesi-baru", "routes/projects/new-session.tsx");
      route("proyek/baru", "routes/projects/new.tsx");
      route("proyek/pembaruan-massal", "routes/projects/bulk-update.tsx");
      route("proyek/pembaruan-massal.xlsx", "routes/projects/bulk-update.xlsx.ts");
      route("sesi/:sessionId", "routes/sessions/session.tsx");
      route("sesi/:sessionId/catatan", "routes/sessions/notes.tsx");
      route("sesi/:sessionId/kalender.ics", "routes/sessions/calendar.ics.ts");
      route("sesi/:sessionId/pelajaran", "routes/lessons/workspace.tsx");
      route("sesi/:sessionId/ruang", "routes/sessions/room.tsx");
      route("sesi/:sessionId/sebutan", "routes/sessions/mentions.ts");
      route("sitemap.xml", "routes/sitemap.xml.ts");
      route("tentang-data", "routes/about-data.tsx");
      route("tinjauan", "routes/lessons/review.tsx");
      route("undangan/:token", "routes/accounts/invitation.tsx");
      route("wilayah", "routes/regions/index.tsx", { index: true });
      route("wilayah/:code", "routes/regions/region.tsx");
      route("wilayah/:code/inovasi.csv", "routes/regions/innovations.csv.ts");
      route("wilayah/:code/inovasi.xlsx", "routes/regions/innovations.xlsx.ts");
      route("wilayah/:code/opd", "routes/regions/agencies.tsx");
      route("wilayah/:code/sesi-baru", "routes/regions/new-session.tsx");
    }),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
