package uk.nhs.bob.primarycare.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface NeighbourhoodSiteRepository extends JpaRepository<NeighbourhoodSite, String> {

}
