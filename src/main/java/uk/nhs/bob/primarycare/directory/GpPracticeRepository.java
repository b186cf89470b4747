package uk.nhs.bob.primarycare.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface GpPracticeRepository extends JpaRepository<GpPractice, String> {

}
